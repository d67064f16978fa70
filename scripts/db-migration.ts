// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with what schema.prisma adds
// to the committed migrations (Prisma's schema engine as WebAssembly; see docs/decisions/0001-database.md).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsAgainstSchema } from "../app/db/schema-diff.server";

const raw = process.argv.slice(2).join("_");
const name = raw
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_+|_+$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (for example: add-project-budget)");
  process.exit(2);
}

const { sql, empty } = await diffMigrationsAgainstSchema();
if (empty) {
  console.log("schema.prisma and the migrations agree: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql (${sql.split("\n").length} lines).`);
// the shadow database would keep the process alive for seconds
process.exit(0);
