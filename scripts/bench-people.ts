// The people of `npm run bench`'s realistic mix, in the seeded database: participants (the leaders
// of generated projects, each in another kabupaten/kota), region officers and facilitators, each
// with a password and the pages they read (their projects, pairings of their region, their
// dashboard, a catalogue search), and the public pages anonymous visitors read. Re-runnable on a
// kept database (fixed ids, nothing added twice).
import { hashPassword } from "../app/auth/password.server";
import type { PrismaClient } from "../app/generated/prisma/client";
import type { MixOptions } from "./bench-http";

export const BENCH_PASSWORD = "lintas-bench-2024";
const PREFIX = "bench-mix-";
const SEARCHES = [
  "sedot lumpur tinja",
  "stunting",
  "imunisasi dasar",
  "perizinan daring",
  "rumah tidak layak huni",
  "sanitasi",
  "air minum perdesaan",
  "jalan kabupaten",
];

type Page = { kind: string; path: string };

export async function prepareBenchPeople(
  prisma: PrismaClient,
  { participants = 30, officers = 12, facilitators = 8 } = {},
): Promise<Pick<MixOptions, "people" | "anonymousPages"> & { projectIds: string[] }> {
  const projects = await prisma.changeProject.findMany({
    where: {
      id: { startsWith: "scale-p" },
      status: { in: ["LAUNCHED", "IMPLEMENTED", "SUSTAINED"] },
      leaderId: { not: null },
    },
    orderBy: { id: "asc" },
    take: 3000,
    select: { id: true, regionCode: true, leaderId: true, region: { select: { provinceCode: true } } },
  });
  const byRegion = new Map<string, typeof projects>();
  for (const project of projects) {
    const list = byRegion.get(project.regionCode) ?? [];
    list.push(project);
    byRegion.set(project.regionCode, list);
  }
  const regions = [...byRegion.keys()];
  const wanted = participants + officers + facilitators;
  if (regions.length === 0) throw new Error("the realistic mix needs generated projects (--scale > 0)");

  const pairings = await prisma.pairing.findMany({
    where: { id: { startsWith: "scale-pa" } },
    orderBy: { id: "asc" },
    select: { id: true, mentorRegionCode: true, menteeRegionCode: true },
  });
  const pairingsOf = (regionCode: string) =>
    pairings.filter((p) => p.mentorRegionCode === regionCode || p.menteeRegionCode === regionCode);
  const search = (i: number): Page => ({
    kind: "catalogue",
    path: `/katalog?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length])}`,
  });
  const projectPage = (id: string): Page => ({ kind: "project", path: `/proyek/${id}` });
  const pairingPage = (id: string): Page => ({ kind: "pairing", path: `/pasangan/${id}` });

  const hash = await hashPassword(BENCH_PASSWORD);
  const people: MixOptions["people"] = [];
  const users: { id: string; email: string; name: string; regionCode: string | null }[] = [];
  const memberships: {
    id: string;
    userId: string;
    role: "REGION_OFFICER" | "FACILITATOR";
    regionCode: string | null;
  }[] = [];
  const passwords: { userId: string; hash: string }[] = [];
  const projectIds = new Set<string>();

  for (let i = 0; i < wanted; i++) {
    const regionCode = regions[i % regions.length];
    const inRegion = byRegion.get(regionCode) ?? [];
    const pages: Page[] = [search(i)];
    let userId: string;
    let email: string;
    if (i < participants) {
      // the leader of a generated project: a participant of its region (seed-scale)
      const own = inRegion[Math.floor(i / regions.length) % inRegion.length];
      userId = own.leaderId!;
      const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
      email = user.email;
      pages.push(projectPage(own.id), { kind: "dashboard", path: "/dasbor" });
      projectIds.add(own.id);
      for (const pairing of pairingsOf(regionCode).slice(0, 2)) pages.push(pairingPage(pairing.id));
    } else if (i < participants + officers) {
      userId = `${PREFIX}officer-${i}`;
      email = `${userId}@contoh.lintas.test`;
      users.push({ id: userId, email, name: `Petugas wilayah ${i}`, regionCode });
      memberships.push({ id: `${userId}-m`, userId, role: "REGION_OFFICER", regionCode });
      for (const project of inRegion.slice(0, 3)) {
        pages.push(projectPage(project.id));
        projectIds.add(project.id);
      }
      for (const pairing of pairingsOf(regionCode).slice(0, 2)) pages.push(pairingPage(pairing.id));
      pages.push(
        { kind: "dashboard", path: "/dasbor" },
        { kind: "dashboard", path: `/dasbor/wilayah/${regionCode}` },
      );
    } else {
      userId = `${PREFIX}facilitator-${i}`;
      email = `${userId}@contoh.lintas.test`;
      users.push({ id: userId, email, name: `Fasilitator ${i}`, regionCode: null });
      memberships.push({ id: `${userId}-m`, userId, role: "FACILITATOR", regionCode: null });
      for (let k = 0; k < 3; k++) {
        const project = projects[(i * 37 + k * 101) % projects.length];
        pages.push(projectPage(project.id));
        projectIds.add(project.id);
      }
      for (let k = 0; k < 2 && pairings.length > 0; k++)
        pages.push(pairingPage(pairings[(i * 13 + k * 7) % pairings.length].id));
      const provinceCode = inRegion[0]?.region.provinceCode ?? regionCode.split(".")[0];
      pages.push(
        { kind: "dashboard", path: "/dasbor" },
        { kind: "dashboard", path: `/dasbor/provinsi/${provinceCode}` },
      );
    }
    passwords.push({ userId, hash });
    people.push({ email, password: BENCH_PASSWORD, pages });
  }
  await prisma.user.createMany({ data: users, skipDuplicates: true });
  await prisma.membership.createMany({ data: memberships, skipDuplicates: true });
  await prisma.password.createMany({ data: passwords, skipDuplicates: true });

  const practices = await prisma.practice.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { slug: "asc" },
    take: 12,
    select: { slug: true },
  });
  const anonymousPages: Page[] = [
    { kind: "catalogue", path: "/katalog" },
    ...SEARCHES.map((_, i) => search(i)),
    ...practices.map((p) => ({ kind: "practice", path: `/katalog/${p.slug}` })),
  ];
  return { people, anonymousPages, projectIds: [...projectIds] };
}
