// npm run seed [-- --scale N]
// Loads the demo data into the configured database (migrating it first); with --scale N, also tops
// the generated benchmark volume up to N change projects (prisma/seed-scale.ts).
import { parseArgs } from "node:util";
import { analyzeAll } from "../app/db/statistics.server";
import { env } from "../app/env.server";
import { prepareDatabase } from "../server/prepare";
import { seedDemo } from "./seed-demo";
import { parseScale, seedScale } from "./seed-scale";

const { values } = parseArgs({ options: { scale: { type: "string" } } });
const scale = values.scale === undefined ? undefined : parseScale(values.scale);

const { database } = await prepareDatabase(env, { seed: false });
try {
  await seedDemo(database.prisma);
  if (scale !== undefined) await seedScale(database.prisma, { count: scale });
  // fresh planner statistics for what was just loaded (PGlite has no autovacuum)
  await analyzeAll(database.sql);
  // write the loaded pages out now, so the next start does not replay them from the WAL
  if (database.sql.kind === "pglite") await database.sql.exec("CHECKPOINT");
} finally {
  await database.close();
}
process.exit(0);
