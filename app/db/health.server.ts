// Whether the database answers, for /healthz (a load balancer's question).
import { database } from "~/db.server";

export async function databaseAnswers(): Promise<{ ok: boolean; kind: "pglite" | "postgres" }> {
  try {
    await database.sql.query("SELECT 1");
    return { ok: true, kind: database.sql.kind };
  } catch {
    return { ok: false, kind: database.sql.kind };
  }
}
