// npm run regions:import
// Brings the region table up to the bundled idn-area-data release (38 provinces, 514 kabupaten/kota)
// and says what changed. Every start does the same (server/prepare.ts); this runs it on its own,
// e.g. after upgrading idn-area-data. Running app processes keep their region search list until
// they restart.
import { env } from "../app/env.server";
import { prepareDatabase } from "../server/prepare";

const { database } = await prepareDatabase(env, { seed: false, regions: false });
try {
  const { importRegions } = await import("../app/modules/regions/region.server");
  const result = await importRegions(database.prisma);
  console.log(
    `Regions: ${result.provinces} provinces, ${result.regencies} kabupaten/kota; ` +
      `${result.created} added, ${result.updated} updated.`,
  );
} finally {
  await database.close();
}
process.exit(0);
