import { getProvinces, getRegencies } from "idn-area-data";
import { prisma } from "~/db.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { ianaZoneForRegionCode } from "~/utils/time-zones";

/**
 * Loads the 38 provinces and 514 kabupaten/kota of idn-area-data (ODbL) by Kemendagri code.
 * Idempotent: re-running after a data release renames or adds regions and keeps every link.
 */
export async function importRegions(prisma: PrismaClient): Promise<{ provinces: number; regencies: number }> {
  const provinces = await getProvinces();
  const regencies = await getRegencies({ transform: true });
  await prisma.$transaction(
    async (tx) => {
      for (const province of provinces) {
        await tx.region.upsert({
          where: { code: province.code },
          create: {
            code: province.code,
            name: province.name,
            kind: "PROVINCE",
            timeZone: ianaZoneForRegionCode(province.code),
          },
          update: { name: province.name, timeZone: ianaZoneForRegionCode(province.code) },
        });
      }
      for (const regency of regencies) {
        const kind = regency.name.startsWith("Kota ") ? "CITY" : "REGENCY";
        const data = {
          name: regency.name,
          kind,
          provinceCode: regency.provinceCode,
          timeZone: ianaZoneForRegionCode(regency.code),
        } as const;
        await tx.region.upsert({
          where: { code: regency.code },
          create: { code: regency.code, ...data },
          update: data,
        });
      }
    },
    { timeout: 120_000 },
  );
  return { provinces: provinces.length, regencies: regencies.length };
}

export async function regionExists(code: string) {
  return (await prisma.region.count({ where: { code } })) > 0;
}
