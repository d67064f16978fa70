// npm run regions:import-geo -- <file.geojson> [--write-derived]
// Loads kabupaten/kota outlines (properties.code = Kemendagri code) into the map.
// With --write-derived it also rewrites prisma/data/regency-shapes.json, the simplified
// file shipped with Lintas (derived from cahyadsn/wilayah_boundaries, MIT).
import { readFile, writeFile } from "node:fs/promises";
import { env } from "../app/env.server";
import { prepareDatabase } from "../server/prepare";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Usage: npm run regions:import-geo -- <file.geojson> [--write-derived]");
  process.exit(2);
}
const text = await readFile(file, "utf8").catch((error: Error) => {
  console.error(`Cannot read ${file}: ${error.message}`);
  process.exit(2);
});

const { database } = await prepareDatabase(env, { seed: false });
globalThis.__lintasDatabase = database;
const { importRegionShapes } = await import("../app/modules/regions/region-geo.server");
const report = await importRegionShapes(text);
if (report.problems.length > 0) {
  console.error(`${report.problems.length} problem(s); nothing was changed:`);
  for (const problem of report.problems.slice(0, 50)) console.error(`  - ${problem}`);
  await database.close();
  process.exit(1);
}
console.log(`Imported ${report.written} outlines.`);
if (report.missing.length > 0)
  console.log(
    `${report.missing.length} kabupaten/kota have no outline: ${report.missing.slice(0, 20).join(", ")}`,
  );
if (args.includes("--write-derived")) {
  const derived = Object.fromEntries(report.shapes.map((s) => [s.code, [s.mapPath, s.lat, s.lng]]));
  await writeFile("prisma/data/regency-shapes.json", JSON.stringify(derived) + "\n");
  console.log("Wrote prisma/data/regency-shapes.json");
}
await database.close();
process.exit(0);
