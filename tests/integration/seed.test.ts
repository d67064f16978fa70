// The demo data holds PRODUCT.md's five cases with their real numbers and dates, loads twice without
// adding a row, and the benchmark volume tops up to N generated projects instead of duplicating.
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { database, prisma } from "~/db.server";
import { searchCatalog } from "~/modules/catalogue/catalog-search.server";
import { getPublicLesson } from "~/modules/lessons/public.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { seedDemo } from "../../prisma/seed-demo";
import { SCALE_PREFIX, countScaleRows, parseScale, scaleProjectId, seedScale } from "../../prisma/seed-scale";

const quiet = () => {};

/** Rows in every table of the database (including Prisma's join tables). */
async function rowCounts() {
  const tables = await database.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
    counts[table_name] = row.n;
  }
  return counts;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
function dayIn(date: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}

let afterFirstRun: Record<string, number>;

beforeAll(async () => {
  await seedDemo(prisma, { log: quiet });
  afterFirstRun = await rowCounts();
}, 120_000);

describe("the demo seed", () => {
  it("holds the Kendari → Blitar pairing of 2020 with six weekly sessions from 27 January 09:00 WITA", async () => {
    const pairing = await prisma.pairing.findFirstOrThrow({
      where: { mentorRegionCode: "74.71", menteeRegionCode: "35.72" },
      include: {
        facilitatorOrg: true,
        sessions: { orderBy: { startsAt: "asc" }, include: { attendances: true, note: true } },
        participants: true,
        commitments: { include: { milestone: { include: { project: true } } } },
        practice: true,
      },
    });
    expect(pairing.facilitatorOrg).toMatchObject({ name: "PMU PPSP Bappenas", type: "PMU" });
    expect(pairing.supportingProgramme).toContain("USDP");
    expect(pairing.topic).toContain("L2T2");
    expect(pairing.plannedSessions).toBe(6);
    expect(pairing.status).toBe("ACTIVE");
    expect(pairing.followUpChannel).toMatch(/WhatsApp/);

    expect(pairing.sessions).toHaveLength(6);
    const [first, ...rest] = pairing.sessions;
    expect(first.startsAt.toISOString()).toBe("2020-01-27T01:00:00.000Z");
    expect(first.timeZone).toBe("Asia/Makassar");
    expect(first.startsAt.getUTCDay()).toBe(1); // a Monday
    expect(first.status).toBe("HELD");
    expect(new Set(pairing.sessions.map((s) => s.seriesId)).size).toBe(1);
    pairing.sessions.forEach((session, i) => {
      expect(session.startsAt.getTime() - first.startsAt.getTime()).toBe(i * 7 * 86_400_000);
    });
    expect(rest.at(-1)!.startsAt.toISOString()).toBe("2020-03-02T01:00:00.000Z"); // still within March
    expect(rest.every((s) => s.attendances.length === 0)).toBe(true);

    // both Pokja at the first session, and the facilitator
    const regions = first.attendances.map((a) => a.regionCode);
    expect(regions.filter((r) => r === "74.71").length).toBeGreaterThanOrEqual(7);
    expect(regions.filter((r) => r === "35.72").length).toBeGreaterThanOrEqual(7);
    expect(pairing.participants.filter((p) => p.side === "MENTOR" && p.isLead)).toHaveLength(1);
    expect(first.note?.content).toMatchObject({ type: "doc" });

    // the three lessons of session 1 as Blitar's commitments, each a milestone of its own project
    expect(pairing.commitments.map((c) => c.title).sort()).toEqual(
      [
        "Advokasi kepada Wali Kota untuk mendapatkan komitmen kepala daerah",
        "Memulai pilot L2T2 dengan rumah tangga ASN",
        "Memperkuat pilot dengan instruksi wali kota",
      ].sort(),
    );
    for (const commitment of pairing.commitments) {
      expect(commitment.side).toBe("MENTEE");
      expect(commitment.sessionId).toBe(first.id);
      expect(commitment.milestone?.project.regionCode).toBe("35.72");
    }
  });

  it("publishes the lesson of session 1 as ProseMirror JSON and Kendari's L2T2 practice with its history", async () => {
    const lesson = await prisma.lesson.findFirstOrThrow({
      where: { pairing: { mentorRegionCode: "74.71", menteeRegionCode: "35.72" } },
      include: { practices: true },
    });
    expect(lesson.status).toBe("PUBLISHED");
    expect(lesson.publishedAt).not.toBeNull();
    const content = lesson.content as {
      type: string;
      content: { type: string; attrs?: { level: number } }[];
    };
    expect(content.type).toBe("doc");
    expect(content.content[0]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    expect(content.content.map((node) => node.type)).toEqual(
      expect.arrayContaining(["heading", "paragraph", "bulletList"]),
    );
    expect(JSON.stringify(content)).toContain("instruksi wali kota");

    const practice = await prisma.practice.findFirstOrThrow({
      where: { status: "PUBLISHED", tags: { has: "lumpur tinja terjadwal" } },
    });
    expect(practice.regionCode).toBe("74.71");
    expect(practice.tags).toEqual(expect.arrayContaining(["L2T2", "penyedotan"]));
    expect(practice.startedYear).toBe(2016);
    for (const year of ["2016", "2017", "2018"]) expect(practice.solution).toContain(year);
    expect(lesson.practices.map((p) => p.id)).toEqual([practice.id]);

    // what a visitor of the catalogue finds and reads
    const found = await searchCatalog({ q: "lumpur tinja terjadwal" });
    expect(found.practices.map((p) => p.slug)).toContain(practice.slug);
    const page = await getPublicLesson(lesson.slug);
    const html = page && !page.withdrawn ? page.html : "";
    expect(html).toMatch(/<h2>Tiga pelajaran<\/h2>/);
    expect(html).toMatch(/<ul>.*Memulai pilot L2T2 dengan rumah tangga ASN.*<\/ul>/s);

    // the lessons-learned template: dated mentor steps, three key success factors, four needs
    const templated = await getPublicLesson(lesson.slug);
    if (!templated || templated.withdrawn) throw new Error("the seed's lesson is not public");
    expect(templated.sections.mentorSteps.map((step) => step.when)).toEqual(["2016", "2017", "2018", "2018"]);
    expect(templated.sections.successFactors).toEqual([
      "Advokasi kepada Wali Kota untuk mendapatkan komitmen kepala daerah",
      "Memulai pilot L2T2 dengan rumah tangga ASN",
      "Memperkuat pilot dengan instruksi wali kota",
    ]);
    expect(Object.values(templated.sections.needs).every(Boolean)).toBe(true);
    expect(templated.sections.spmField).toBe("PUBLIC_WORKS");
  });

  it("holds Lahat's four PKN II Angkatan XX projects launched together on 10 October 2023", async () => {
    const projects = await prisma.changeProject.findMany({
      where: { regionCode: "16.04" },
      include: { launchEvent: true, cohort: true, indicators: { include: { measurements: true } } },
      orderBy: { acronym: "asc" },
    });
    expect(projects.map((p) => p.acronym).sort()).toEqual(
      ["PERJAKA", "SIAP BPKAD", "SIP BENAR", "e-Agenda"].sort(),
    );
    expect(new Set(projects.map((p) => p.launchEventId)).size).toBe(1);
    for (const project of projects) {
      expect(project.status).toBe("LAUNCHED");
      expect(project.cohort).toMatchObject({ programme: "PKN_II", batch: "Angkatan XX", year: 2023 });
      expect(project.launchEvent?.launchedBy).toBe("Bupati Lahat");
      expect(dayIn(project.launchEvent!.date, "Asia/Jakarta")).toBe("2023-10-10");
      expect(dayIn(project.launchedAt!, "Asia/Jakarta")).toBe("2023-10-10");
    }

    const siap = projects.find((p) => p.acronym === "SIAP BPKAD")!;
    const visits = siap.indicators[0].measurements.sort((a, b) => +a.measuredAt - +b.measuredAt);
    expect(visits.map((m) => Number(m.value))).toEqual([5129, 4772]);
    expect(visits.map((m) => m.measuredAt.toISOString().slice(0, 10))).toEqual(["2022-12-31", "2023-09-30"]);

    const perjaka = projects.find((p) => p.acronym === "PERJAKA")!;
    const condition = perjaka.indicators.find((i) => i.unit === "%")!;
    expect(Number(condition.baseline)).toBe(78.35);
    expect(condition.baselineYear).toBe(2022);
    expect(Number(condition.target)).toBe(83);
    expect(condition.targetYear).toBe(2023);
    expect(Number(perjaka.indicators.find((i) => i.unit === "km")!.baseline)).toBe(1339.15);
  });

  it("holds Lampung Barat's PKA sanitation project with its 2023 baseline, team, assignments and horizons", async () => {
    const project = await prisma.changeProject.findUniqueOrThrow({
      where: { id: "demo-project-sanitasi-lampung-barat" },
      include: {
        leader: true,
        coach: true,
        mentor: true,
        cohort: true,
        assignments: true,
        milestones: true,
        stakeholders: true,
        indicators: { include: { measurements: true } },
      },
    });
    expect(project.regionCode).toBe("18.04");
    expect(project.cohort?.programme).toBe("PKA");
    expect(project.spmField).toBe("PUBLIC_WORKS");
    expect(project.leader?.email).toBe("peserta@lintas.test");
    expect(project.coach?.email).toBe("coach@lintas.test");
    expect(project.mentor?.email).toBe("mentor@lintas.test");
    expect(project.assignments).toHaveLength(6);
    expect(new Set(project.milestones.map((m) => m.horizon))).toEqual(new Set(["SHORT", "MEDIUM", "LONG"]));
    const formed = project.milestones.find((m) => m.status === "DONE" && m.title.startsWith("Tim kerja"));
    expect(formed?.dueDate?.toISOString().slice(0, 10)).toBe("2024-05-27");
    expect(project.stakeholders.length).toBeGreaterThanOrEqual(4);

    const aman = project.indicators.find((i) => i.name.includes("aman"))!;
    const layak = project.indicators.find((i) => i.name.includes("layak"))!;
    expect(Number(aman.baseline)).toBe(1.22);
    expect(Number(layak.baseline)).toBe(95.46);
    expect(aman.baselineYear).toBe(2023);
    expect(Number(aman.measurements[0].value)).toBe(1.22);
  });

  it("holds Sulawesi Tenggara's two-day SPM meeting with its 17 kabupaten/kota", async () => {
    const sessions = await prisma.session.findMany({
      where: { hostRegionCode: "74" },
      include: { attendances: { include: { region: true } } },
      orderBy: { startsAt: "asc" },
    });
    expect(sessions.map((s) => dayIn(s.startsAt, s.timeZone))).toEqual(["2024-06-10", "2024-06-11"]);
    for (const session of sessions) {
      expect(session.pairingId).toBeNull();
      const regions = new Set(session.attendances.map((a) => a.regionCode));
      expect(regions.size).toBe(17);
      expect(session.attendances.every((a) => a.region?.provinceCode === "74")).toBe(true);
    }
    const spm = await prisma.indicator.findMany({
      where: { region: { provinceCode: "74" }, projectId: null },
    });
    expect(new Set(spm.map((i) => i.regionCode)).size).toBe(17);
    expect(spm.every((i) => Number(i.baseline) > 0 && Number(i.baseline) <= 100)).toBe(true);
  });

  it("holds Kab. Serang's 2025 health PIP with its four indicators", async () => {
    const pip = await prisma.changeProject.findFirstOrThrow({
      where: { regionCode: "36.04", kind: "PERFORMANCE_IMPROVEMENT_PLAN" },
      include: { indicators: true, sessions: true },
    });
    expect(pip.indicators.map((i) => i.name).sort()).toEqual(
      [
        "Anak dengan status gizi normal",
        "Cakupan imunisasi dasar lengkap pada anak",
        "Persalinan di fasilitas kesehatan",
        "Usia harapan hidup",
      ].sort(),
    );
    expect(pip.sessions.map((s) => dayIn(s.startsAt, s.timeZone))).toEqual(["2025-06-17"]);
  });

  it("fills the catalogue: every seed case at its stage, and 30 more real practices across the SPM fields", async () => {
    const practices = await prisma.practice.findMany({
      where: { status: "PUBLISHED" },
      select: {
        slug: true,
        spmField: true,
        regionCode: true,
        startedYear: true,
        summary: true,
        projectId: true,
        maturity: true,
      },
    });
    expect(practices.length).toBeGreaterThanOrEqual(37);
    for (const field of ["EDUCATION", "HEALTH", "PUBLIC_WORKS", "HOUSING", "PUBLIC_ORDER", "SOCIAL"])
      expect(practices.filter((p) => p.spmField === field).length, field).toBeGreaterThanOrEqual(2);
    expect(practices.filter((p) => p.spmField === null).length).toBeGreaterThan(0); // beyond the SPM
    expect(new Set(practices.map((p) => p.regionCode)).size).toBeGreaterThanOrEqual(20);
    for (const p of practices) {
      expect(p.startedYear, p.slug).toBeGreaterThan(2000);
      expect(p.summary?.length ?? 0, p.slug).toBeGreaterThan(60);
    }
    // the seed cases, each linked to its project, at the maturity of its stage
    const bySlug = new Map(practices.map((p) => [p.slug, p]));
    expect(bySlug.get("percepatan-kinerja-sanitasi-lampung-barat")).toMatchObject({
      projectId: "demo-project-sanitasi-lampung-barat",
      maturity: "PILOTED",
    });
    const lahat = practices.filter((p) => p.projectId?.endsWith("-lahat"));
    expect(lahat).toHaveLength(4);
    const launched = await prisma.changeProject.findMany({
      where: { id: { in: lahat.map((p) => p.projectId!) } },
      select: { status: true, launchedAt: true },
    });
    expect(launched.map((p) => [p.status, p.launchedAt?.toISOString().slice(0, 10)])).toEqual(
      Array(4).fill(["LAUNCHED", "2023-10-10"]),
    );
    expect(bySlug.get("rencana-peningkatan-kinerja-kesehatan-serang")).toMatchObject({
      projectId: "demo-project-pip-kesehatan-serang-2025",
      maturity: "IDEA",
    });
  });

  it("creates one account per role that signs in with the demo password", async () => {
    const users = await prisma.user.findMany({
      where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
      include: { password: true, memberships: true },
    });
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.roleKey))).toEqual(
      new Set(["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "COACH", "MENTOR", "VIEWER"]),
    );
    for (const account of DEMO_ACCOUNTS) {
      const user = users.find((u) => u.email === account.email)!;
      expect(user.memberships).toEqual([
        expect.objectContaining({ role: account.roleKey, regionCode: account.regionCode ?? null }),
      ]);
    }
    const lahat = users.find((u) => u.email === "bupati.lahat@lintas.test")!;
    expect(await verifyPassword(DEMO_PASSWORD, lahat.password!.hash)).toBe(true);
    expect(await verifyPassword("wrong-password", lahat.password!.hash)).toBe(false);
    const facilitator = users.find((u) => u.email === "fasilitator@lintas.test")!;
    expect(facilitator.memberships[0].organisationId).not.toBeNull();
  });

  it("adds no row when run a second time", async () => {
    const hashBefore = await prisma.password.findMany({ orderBy: { userId: "asc" } });
    await seedDemo(prisma, { log: quiet });
    expect(await rowCounts()).toEqual(afterFirstRun);
    // a password that still verifies is kept, not re-hashed
    expect(await prisma.password.findMany({ orderBy: { userId: "asc" } })).toEqual(hashBefore);
  }, 60_000);
});

describe("the scale seed", () => {
  it("refuses a scale that is not a whole number", () => {
    expect(parseScale("10000")).toBe(10000);
    expect(() => parseScale("ten")).toThrow(/--scale/);
    expect(() => parseScale("-5")).toThrow(/--scale/);
  });

  it("creates N projects with their rows, then tops up instead of duplicating", async () => {
    const first = await seedScale(prisma, { count: 50, log: quiet, progress: false, batchSize: 20 });
    expect(first.created).toBe(50);
    expect(first.total).toBe(50);
    expect(await prisma.changeProject.count({ where: { id: { startsWith: SCALE_PREFIX } } })).toBe(50);
    const counts = await countScaleRows(prisma);
    expect(counts.pairing).toBe(10); // one project in five mentors a pairing
    expect(counts.session).toBeGreaterThanOrEqual(10 * 4);
    expect(counts.milestone).toBeGreaterThanOrEqual(50 * 8);
    expect(counts.practice).toBe(50); // a practice from every project
    expect(counts.indicator).toBeGreaterThanOrEqual(50);
    expect(first.rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    // spread over kabupaten/kota, never a province
    const regions = await prisma.changeProject.findMany({
      where: { id: { startsWith: SCALE_PREFIX } },
      select: { region: { select: { kind: true } }, regionCode: true },
    });
    expect(regions.every((r) => r.region.kind !== "PROVINCE")).toBe(true);
    expect(new Set(regions.map((r) => r.regionCode)).size).toBeGreaterThan(30);

    const all = await rowCounts();
    const again = await seedScale(prisma, { count: 50, log: quiet, progress: false });
    expect(again.created).toBe(0);
    expect(again.rows).toBe(0);
    expect(await rowCounts()).toEqual(all);

    const more = await seedScale(prisma, { count: 60, log: quiet, progress: false });
    expect(more.created).toBe(10);
    expect(more.total).toBe(60);
    expect((await countScaleRows(prisma)).pairing).toBe(12);
  });

  it("generates the same project again for the same index", async () => {
    const snapshot = () =>
      prisma.changeProject.findUniqueOrThrow({
        where: { id: scaleProjectId(7) },
        select: {
          title: true,
          regionCode: true,
          status: true,
          startDate: true,
          milestones: {
            select: { id: true, title: true, dueDate: true, status: true },
            orderBy: { id: "asc" },
          },
          indicators: {
            select: {
              name: true,
              baseline: true,
              measurements: { select: { value: true }, orderBy: { id: "asc" } },
            },
            orderBy: { id: "asc" },
          },
        },
      });
    const before = await snapshot();
    await prisma.changeProject.delete({ where: { id: scaleProjectId(7) } });
    const refill = await seedScale(prisma, { count: 60, log: quiet, progress: false });
    expect(refill.created).toBe(1);
    expect(await snapshot()).toEqual(before);
  });
});
