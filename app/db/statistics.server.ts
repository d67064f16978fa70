// Planner statistics. PostgreSQL's autovacuum keeps them fresh on a server; the embedded PGlite
// runs in single-user mode, without autovacuum, so its planner would guess every table empty
// and pick sequential scans and bad joins on a large database. Lintas therefore analyses:
//  - at start-up, every table never analysed (new migrations, a fresh or restored database), and
//    one that was empty when analysed and has rows now (an empty table keeps no statistics, so
//    "no statistics" alone analysed ~20 empty tables on every start, ~50 ms each: decision 0072);
//  - after a seed (demo or scale), everything;
//  - every hour on PGlite (job "db.analyze"), the tables whose row count moved by more than
//    autovacuum's own threshold (50 rows + 10 %) since their last analysis.
import type { SqlDriver } from "./database.server";

type TableRows = { name: string; estimated: number; analysed: boolean };

async function tables(sql: Pick<SqlDriver, "query">) {
  return sql.query<TableRows>(
    `SELECT c.relname AS name, c.reltuples::float8 AS estimated,
            EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname) AS analysed
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()
      ORDER BY c.relname`,
  );
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The tables without statistics, analysed now: those never analysed (PostgreSQL's estimate is -1
 * until the first ANALYZE or VACUUM), and those empty when last analysed that have rows now. An
 * empty table stays as it is: analysing it again finds nothing and costs a commit. Returns their
 * names.
 */
export async function analyzeNeverAnalyzed(sql: Pick<SqlDriver, "query" | "exec">) {
  const wanted: string[] = [];
  for (const table of await tables(sql)) {
    if (table.analysed) continue;
    if (Number(table.estimated) >= 0) {
      const [{ filled }] = await sql.query<{ filled: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${quoted(table.name)}) AS filled`,
      );
      if (!filled) continue;
    }
    wanted.push(table.name);
  }
  for (const name of wanted) await sql.exec(`ANALYZE ${quoted(name)}`);
  return wanted;
}

/** Every table analysed (after loading data in bulk). */
export async function analyzeAll(sql: Pick<SqlDriver, "exec">) {
  await sql.exec("ANALYZE");
}

/** A table's statistics are stale when its rows moved by more than 50 + 10 % of the estimate. */
export function isStale(estimated: number, actual: number) {
  const base = Math.max(0, estimated);
  return estimated < 0 || Math.abs(actual - base) > 50 + 0.1 * base;
}

/** The tables whose row counts moved past the threshold, analysed now. Returns their names. */
export async function analyzeStaleTables(sql: Pick<SqlDriver, "query" | "exec">) {
  const analysed: string[] = [];
  for (const table of await tables(sql)) {
    const [{ count }] = await sql.query<{ count: number }>(
      `SELECT count(*)::float8 AS count FROM ${quoted(table.name)}`,
    );
    if (!isStale(Number(table.estimated), Number(count))) continue;
    await sql.exec(`ANALYZE ${quoted(table.name)}`);
    analysed.push(table.name);
  }
  return analysed;
}
