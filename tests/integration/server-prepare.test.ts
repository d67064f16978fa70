// Database preparation on a fresh database without the demo data: the regions are loaded anyway,
// and a second start writes nothing to them.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseEnv } from "~/env.server";
import { searchRegions } from "~/modules/regions/region.server";
import { prepareDatabase } from "../../server/prepare";

const env = parseEnv({ ...process.env, SEED_ON_EMPTY: "false" });

/** Every region row with its row version (xmin changes whenever PostgreSQL writes the row). */
async function regionRowVersions() {
  return prisma.$queryRaw<{ code: string; version: string }[]>`
    SELECT code, xmin::text AS version FROM "Region" ORDER BY code`;
}

describe("preparing a database without demo data", () => {
  it("loads 38 provinces and 514 kabupaten/kota, then writes nothing on a second start", async () => {
    expect(await prisma.region.count()).toBe(0);
    const lines: string[] = [];
    const first = await prepareDatabase(env, { seed: true, log: (line) => lines.push(line) });
    expect(first.seeded).toBe(false);
    expect(await prisma.region.count({ where: { kind: "PROVINCE" } })).toBe(38);
    expect(await prisma.region.count({ where: { kind: { in: ["REGENCY", "CITY"] } } })).toBe(514);
    expect(await prisma.user.count()).toBe(0);
    expect(lines).toContain("Regions: 552 added, 0 updated (idn-area-data)");
    expect(await prisma.region.findUniqueOrThrow({ where: { code: "74.71" } })).toMatchObject({
      name: "Kota Kendari",
      kind: "CITY",
      provinceCode: "74",
      timeZone: "Asia/Makassar",
    });

    const before = await regionRowVersions();
    const again: string[] = [];
    await prepareDatabase(env, { seed: true, log: (line) => again.push(line) });
    expect(await regionRowVersions()).toEqual(before);
    expect(again.filter((line) => line.startsWith("Regions"))).toEqual([]);
  }, 120_000);

  it("brings a renamed region back to the release's name, and the search forgets the old name", async () => {
    await prisma.region.update({ where: { code: "35.72" }, data: { name: "Kota Blitar Lama" } });
    // the first search of this file reads the regions into memory, with the old name
    expect((await searchRegions("Blitar Lama"))[0]?.code).toBe("35.72");
    const lines: string[] = [];
    await prepareDatabase(env, { seed: true, log: (line) => lines.push(line) });
    expect(lines).toContain("Regions: 0 added, 1 updated (idn-area-data)");
    expect((await prisma.region.findUniqueOrThrow({ where: { code: "35.72" } })).name).toBe("Kota Blitar");
    expect(await searchRegions("Blitar Lama")).toEqual([]);
    expect((await searchRegions("Kota Blitar"))[0]?.code).toBe("35.72");
  }, 120_000);
});
