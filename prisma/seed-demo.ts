// The demo data: the five cases of PRODUCT.md, told in our own words with their real numbers and dates.
import type { PrismaClient } from "../app/generated/prisma/client";
import { importRegions } from "../app/models/region.server";

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.region.count()) === 0;
}

export async function seedDemo(
  prisma: PrismaClient,
  { log = console.log }: { log?: (line: string) => void } = {},
) {
  const regions = await importRegions(prisma);
  log(`Regions: ${regions.provinces} provinces, ${regions.regencies} kabupaten/kota`);
}
