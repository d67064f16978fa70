// The demo data: the five cases of PRODUCT.md (sources in /work/shared/seeds), told in our own
// words with their real numbers and dates. People's names are fictional; offices and agencies are real.
//
// Idempotent: every row has a fixed id ("demo-…") or a natural key (a user's email, an agency's
// region and name, a cohort's programme/batch/year, a lesson's or practice's slug) and is upserted,
// so running the seed again refreshes the demo rows and adds none. Rows that people added to the
// demo records are left alone. Everything after the regions is written in one transaction.
import { hashPassword, verifyPassword } from "../app/auth/password.server";
import type { Prisma, PrismaClient } from "../app/generated/prisma/client";
import type { OrganisationType } from "../app/generated/prisma/enums";
import { importRegions } from "../app/modules/regions/region.server";
import { lessonSectionsSchema } from "../app/modules/lessons/lesson-schemas";
import { DEMO_ACCOUNTS, type DemoOrganisationKey } from "./demo-accounts";
import { upsertCataloguePractices } from "./seed-practices";

type Tx = Prisma.TransactionClient;
type Log = (line: string) => void;

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.region.count()) === 0;
}

// ───────────────────────────── small helpers ─────────────────────────────

/** A calendar day (for @db.Date columns and day-precision facts). */
function day(iso: string) {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** Any Prisma model delegate that can upsert a row by its id. */
type UpsertById<Row> = {
  upsert(args: { where: { id: string }; create: Row; update: Omit<Row, "id"> }): PromiseLike<unknown>;
};

async function upsertAll<Row extends { id: string }>(delegate: UpsertById<NoInfer<Row>>, rows: Row[]) {
  for (const row of rows) {
    const { id, ...update } = row;
    await delegate.upsert({ where: { id }, create: row, update });
  }
}

/** ProseMirror JSON, the same node names as the lesson editor. */
const pm = {
  doc: (...content: Prisma.InputJsonObject[]) => ({ type: "doc", content }),
  heading: (level: number, text: string) => ({
    type: "heading",
    attrs: { level },
    content: [{ type: "text", text }],
  }),
  paragraph: (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] }),
  bulletList: (items: string[]) => ({
    type: "bulletList",
    content: items.map((item) => ({ type: "listItem", content: [pm.paragraph(item)] })),
  }),
};

/** A stable number in [0, 1) from a string: demo values that look varied but never change. */
function stableFraction(key: string) {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

// ───────────────────────────── organisations ─────────────────────────────

type OrganisationKey =
  | DemoOrganisationKey
  | "lan"
  | "kemenkeu"
  | "kendari-setda"
  | "kendari-bpkad"
  | "kendari-pupr"
  | "kendari-dinkes"
  | "kendari-kebersihan"
  | "blitar-bappeda"
  | "blitar-bpkad"
  | "blitar-dinkes"
  | "blitar-pupr"
  | "lahat-bpkad"
  | "lahat-pupr"
  | "lahat-bappeda"
  | "lahat-dprd"
  | "serang-dinkes"
  | "serang-bappeda";

type OrganisationSeed = { name: string; kind: string; type: OrganisationType; regionCode: string | null };

export const DEMO_ORGANISATIONS: Record<OrganisationKey, OrganisationSeed> = {
  "pmu-ppsp": {
    name: "PMU PPSP Bappenas",
    kind: "PMU Percepatan Pembangunan Sanitasi Permukiman",
    type: "PMU",
    regionCode: null,
  },
  lan: {
    name: "Lembaga Administrasi Negara (LAN)",
    kind: "LAN",
    type: "TRAINING_INSTITUTION",
    regionCode: null,
  },
  "bpsdm-lampung": {
    name: "BPSDM Provinsi Lampung",
    kind: "BPSDM",
    type: "TRAINING_INSTITUTION",
    regionCode: "18",
  },
  kemenkeu: { name: "Kementerian Keuangan", kind: "Kementerian", type: "MINISTRY", regionCode: null },
  // Kota Kendari (74.71): the mentor city's Pokja Sanitasi
  "kendari-setda": agency("74.71", "Sekretariat Daerah Kota Kendari", "Sekretariat Daerah"),
  "kendari-bappeda": agency("74.71", "Bappeda Kota Kendari", "Bappeda"),
  "kendari-bpkad": agency("74.71", "BPKAD Kota Kendari", "BPKAD"),
  "kendari-pupr": agency("74.71", "Dinas PUPR Kota Kendari", "Dinas PUPR"),
  "kendari-dinkes": agency("74.71", "Dinas Kesehatan Kota Kendari", "Dinas Kesehatan"),
  "kendari-kebersihan": agency("74.71", "Dinas Kebersihan Kota Kendari", "Dinas Kebersihan/DLH"),
  // Kota Blitar (35.72): the mentee city's Pokja Sanitasi
  "blitar-bappeda": agency("35.72", "Bappeda Kota Blitar", "Bappeda"),
  "blitar-bpkad": agency("35.72", "BPKAD Kota Blitar", "BPKAD"),
  "blitar-dlh": agency("35.72", "DLH Kota Blitar", "DLH"),
  "blitar-dinkes": agency("35.72", "Dinas Kesehatan Kota Blitar", "Dinas Kesehatan"),
  "blitar-pupr": agency("35.72", "Dinas PUPR Kota Blitar", "Dinas PUPR"),
  "lampung-barat-pupr": agency("18.04", "Dinas PUPR Kabupaten Lampung Barat", "Dinas PUPR"),
  "lahat-bpkad": agency("16.04", "BPKAD Kabupaten Lahat", "BPKAD"),
  "lahat-pupr": agency("16.04", "Dinas PUPR Kabupaten Lahat", "Dinas PUPR"),
  "lahat-bappeda": agency("16.04", "Bappeda Kabupaten Lahat", "Bappeda"),
  "lahat-dprd": agency("16.04", "Sekretariat DPRD Kabupaten Lahat", "Sekretariat DPRD"),
  "serang-dinkes": agency("36.04", "Dinas Kesehatan Kabupaten Serang", "Dinas Kesehatan"),
  "serang-bappeda": agency("36.04", "Bappeda Kabupaten Serang", "Bappeda"),
  "sultra-cipta-karya": agency(
    "74",
    "Dinas Cipta Karya, Bina Konstruksi dan Tata Ruang Provinsi Sulawesi Tenggara",
    "Dinas Cipta Karya",
  ),
};

function agency(regionCode: string, name: string, kind: string): OrganisationSeed {
  return { name, kind, type: "AGENCY", regionCode };
}

type OrganisationIds = Record<OrganisationKey, string>;

/** Agencies are keyed by (region, name), national bodies by a fixed id. */
async function upsertOrganisations(tx: Tx): Promise<OrganisationIds> {
  const ids = {} as OrganisationIds;
  for (const [key, seed] of Object.entries(DEMO_ORGANISATIONS) as [OrganisationKey, OrganisationSeed][]) {
    const data = { name: seed.name, kind: seed.kind, type: seed.type, regionCode: seed.regionCode };
    const row = seed.regionCode
      ? await tx.organisation.upsert({
          where: { regionCode_name: { regionCode: seed.regionCode, name: seed.name } },
          create: { id: `demo-org-${key}`, ...data },
          update: { kind: seed.kind, type: seed.type },
        })
      : await tx.organisation.upsert({
          where: { id: `demo-org-${key}` },
          create: { id: `demo-org-${key}`, ...data },
          update: data,
        });
    ids[key] = row.id;
  }
  return ids;
}

// ───────────────────────────── people ─────────────────────────────

/** Demo accounts by email, with a password hash that verifies (kept when it already does). */
async function passwordHashes(prisma: PrismaClient): Promise<Map<string, string>> {
  const existing = await prisma.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
    select: { email: true, password: { select: { hash: true } } },
  });
  const stored = new Map(existing.map((u) => [u.email, u.password?.hash]));
  const entries = await Promise.all(
    DEMO_ACCOUNTS.map(async (account) => {
      const hash = stored.get(account.email);
      if (hash && (await verifyPassword(account.password, hash))) return [account.email, hash] as const;
      return [account.email, await hashPassword(account.password)] as const;
    }),
  );
  return new Map(entries);
}

type UserIds = Record<string, string>;

async function upsertDemoAccounts(tx: Tx, orgs: OrganisationIds, hashes: Map<string, string>) {
  const ids: UserIds = {};
  for (const account of DEMO_ACCOUNTS) {
    const organisationId = account.organisation ? orgs[account.organisation] : null;
    const regionCode = account.regionCode ?? null;
    const hash = hashes.get(account.email)!;
    const data = { name: account.name, position: account.position, regionCode, organisationId };
    const user = await tx.user.upsert({
      where: { email: account.email },
      create: { email: account.email, ...data, password: { create: { hash } } },
      update: { ...data, password: { upsert: { create: { hash }, update: { hash } } } },
    });
    const membership = { userId: user.id, role: account.roleKey, regionCode, organisationId };
    if (!(await tx.membership.findFirst({ where: membership }))) {
      await tx.membership.create({ data: membership });
    }
    ids[account.email] = user.id;
  }
  return ids;
}

/** People of the cases who have no sign-in (no password): fictional names, real offices. */
const DEMO_PEOPLE = [
  {
    email: "pimpinan.siap@contoh.lintas.test",
    name: "Rudiansyah Putra",
    position: "Kepala BPKAD Kab. Lahat",
    regionCode: "16.04",
    organisation: "lahat-bpkad",
  },
  {
    email: "pimpinan.perjaka@contoh.lintas.test",
    name: "Agung Wibisono",
    position: "Kepala Dinas PUPR Kab. Lahat",
    regionCode: "16.04",
    organisation: "lahat-pupr",
  },
  {
    email: "pimpinan.sipbenar@contoh.lintas.test",
    name: "Reza Mahendra",
    position: "Kepala Bappeda Kab. Lahat",
    regionCode: "16.04",
    organisation: "lahat-bappeda",
  },
  {
    email: "pimpinan.eagenda@contoh.lintas.test",
    name: "Nur Aisyah",
    position: "Sekretaris DPRD Kab. Lahat",
    regionCode: "16.04",
    organisation: "lahat-dprd",
  },
  {
    email: "pip.kesehatan@contoh.lintas.test",
    name: "dr. Laila Kurnia",
    position: "Kepala Bidang Kesehatan Masyarakat, Dinas Kesehatan Kab. Serang",
    regionCode: "36.04",
    organisation: "serang-dinkes",
  },
] satisfies {
  email: string;
  name: string;
  position: string;
  regionCode: string;
  organisation: OrganisationKey;
}[];

async function upsertDemoPeople(tx: Tx, orgs: OrganisationIds) {
  const ids: UserIds = {};
  for (const person of DEMO_PEOPLE) {
    const data = {
      name: person.name,
      position: person.position,
      regionCode: person.regionCode,
      organisationId: orgs[person.organisation],
    };
    const user = await tx.user.upsert({
      where: { email: person.email },
      create: { email: person.email, ...data },
      update: data,
    });
    ids[person.email] = user.id;
  }
  return ids;
}

type PokjaMember = {
  key: string;
  name: string;
  position: string;
  organisation: OrganisationKey | null;
  email?: string;
  lead?: boolean;
};

/** Pokja Sanitasi Kota Kendari at the first session (mentor side). */
const KENDARI_POKJA: PokjaMember[] = [
  {
    key: "kendari-sekda",
    name: "Hasnah Rahim",
    position: "Sekretaris Daerah Kota Kendari, pengarah Pokja Sanitasi",
    organisation: "kendari-setda",
    lead: true,
  },
  {
    key: "kendari-bappeda",
    name: "Arifin Tamrin",
    position: "Kepala Bappeda, Sekretaris Pokja Sanitasi",
    organisation: "kendari-bappeda",
  },
  {
    key: "kendari-harian",
    name: "Ir. Sitti Marwah",
    position: "Ketua Harian Pokja Sanitasi Kota Kendari",
    organisation: null,
  },
  { key: "kendari-bpkad", name: "Fitriani Badu", position: "Kepala BPKAD", organisation: "kendari-bpkad" },
  {
    key: "kendari-pupr",
    name: "Muh. Yusran Hamid",
    position: "Kepala Dinas PUPR",
    organisation: "kendari-pupr",
  },
  {
    key: "kendari-dinkes",
    name: "drg. Rezky Amalia",
    position: "Kepala Dinas Kesehatan",
    organisation: "kendari-dinkes",
  },
  {
    key: "kendari-kebersihan",
    name: "Ir. Salmia Djafar",
    position: "Kepala Dinas Kebersihan",
    organisation: "kendari-kebersihan",
  },
  {
    key: "kendari-officer",
    name: "Andi Saputra",
    position: "Kepala Bidang Infrastruktur, Bappeda Kota Kendari",
    organisation: "kendari-bappeda",
    email: "kendari@lintas.test",
  },
];

/** Pokja Sanitasi Kota Blitar at the first session (mentee side). */
const BLITAR_POKJA: PokjaMember[] = [
  {
    key: "blitar-bappeda-ekonomi",
    name: "Retno Wulansari",
    position: "Kepala Bidang Ekonomi, Infrastruktur dan Pengembangan Wilayah, Bappeda",
    organisation: "blitar-bappeda",
    lead: true,
  },
  {
    key: "blitar-bpkad",
    name: "Agus Setiawan",
    position: "Kepala Bidang Anggaran, BPKAD",
    organisation: "blitar-bpkad",
  },
  {
    key: "blitar-bappeda-sosbud",
    name: "Bayu Kurniawan",
    position: "Kepala Bidang Sosial Budaya dan Evaluasi, Bappeda",
    organisation: "blitar-bappeda",
  },
  {
    key: "blitar-dlh-penataan",
    name: "Sri Handayani",
    position: "Kepala Bidang Penataan dan Pengendalian Lingkungan, DLH",
    organisation: "blitar-dlh",
  },
  {
    key: "blitar-dinkes",
    name: "Fajar Nugroho",
    position: "Kepala Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga, Dinas Kesehatan",
    organisation: "blitar-dinkes",
  },
  {
    key: "blitar-dlh-pencemaran",
    name: "Indah Permatasari",
    position: "Kepala Seksi Pengendalian Pencemaran Lingkungan, DLH",
    organisation: "blitar-dlh",
  },
  {
    key: "blitar-pupr",
    name: "Eko Prasetyo",
    position: "Kepala Seksi Sanitasi, Dinas PUPR",
    organisation: "blitar-pupr",
  },
  {
    key: "blitar-officer",
    name: "Dewi Lestari",
    position: "Kepala Seksi Air Limbah, DLH Kota Blitar",
    organisation: "blitar-dlh",
    email: "blitar@lintas.test",
  },
];

async function upsertWorkingGroups(tx: Tx, orgs: OrganisationIds, users: UserIds) {
  const groups = [
    { key: "kendari", regionCode: "74.71", name: "Pokja Sanitasi Kota Kendari", members: KENDARI_POKJA },
    { key: "blitar", regionCode: "35.72", name: "Pokja Sanitasi Kota Blitar", members: BLITAR_POKJA },
  ];
  for (const group of groups) {
    const row = await tx.workingGroup.upsert({
      where: { regionCode_name: { regionCode: group.regionCode, name: group.name } },
      create: {
        id: `demo-wg-${group.key}`,
        regionCode: group.regionCode,
        name: group.name,
        topic: "Sanitasi permukiman",
      },
      update: { topic: "Sanitasi permukiman" },
    });
    await upsertAll(
      tx.workingGroupMember,
      group.members.map((m) => ({
        id: `demo-wgm-${m.key}`,
        workingGroupId: row.id,
        userId: m.email ? users[m.email] : null,
        name: m.name,
        position: m.position,
        organisationId: m.organisation ? orgs[m.organisation] : null,
        isLead: m.lead ?? false,
      })),
    );
  }
}

// ───────────────────────────── cohorts and launches ─────────────────────────────

async function upsertCohorts(tx: Tx, orgs: OrganisationIds) {
  // The PKA batch number is not reported; "Angkatan I" stands in for it.
  const pka = await tx.cohort.upsert({
    where: { programme_batch_year: { programme: "PKA", batch: "Angkatan I", year: 2024 } },
    create: {
      id: "demo-cohort-pka-lampung-2024",
      programme: "PKA",
      batch: "Angkatan I",
      year: 2024,
      organiserId: orgs["bpsdm-lampung"],
      organiserName: "BPSDM Provinsi Lampung",
    },
    update: { organiserId: orgs["bpsdm-lampung"], organiserName: "BPSDM Provinsi Lampung" },
  });
  const pkn = await tx.cohort.upsert({
    where: { programme_batch_year: { programme: "PKN_II", batch: "Angkatan XX", year: 2023 } },
    create: {
      id: "demo-cohort-pkn2-xx-2023",
      programme: "PKN_II",
      batch: "Angkatan XX",
      year: 2023,
      organiserId: orgs.lan,
      organiserName: "Lembaga Administrasi Negara (LAN)",
    },
    update: { organiserId: orgs.lan, organiserName: "Lembaga Administrasi Negara (LAN)" },
  });
  return { pka: pka.id, pkn: pkn.id };
}

// ───────────────────────────── 1. Lampung Barat, PKA 2024 ─────────────────────────────

const LAMPUNG_BARAT = "demo-project-sanitasi-lampung-barat";

async function seedLampungBarat(tx: Tx, orgs: OrganisationIds, users: UserIds, cohortId: string) {
  const leader = users["peserta@lintas.test"];
  const coach = users["coach@lintas.test"];
  const mentor = users["mentor@lintas.test"];
  const data = {
    title: "Percepatan Kinerja Sanitasi sesuai SPM Bidang PUPR di Kabupaten Lampung Barat",
    kind: "TRAINING_CHANGE_PROJECT" as const,
    status: "PILOTING" as const,
    sector: "Sanitasi",
    spmField: "PUBLIC_WORKS" as const,
    problem:
      "Hampir semua rumah tangga sudah punya akses sanitasi layak (95,46% pada 2023), tetapi yang aman " +
      "baru 1,22%: lumpur tinja belum disedot dan diolah, dan IPLT Bahway belum beroperasi. Padahal SPM " +
      "menjadikan sanitasi hak dasar warga, dan sanitasi yang buruk memicu diare, tifus, pneumonia dan stunting.",
    evidence:
      "Capaian 2023 Dinas PUPR: sanitasi layak 95,46%, sanitasi aman 1,22%. Dasar: Permendagri 59/2021 " +
      "tentang Penerapan SPM dan Permenpupr 13/2023 tentang Standar Teknis SPM Bidang PUPR.",
    objectives:
      "Mempercepat kinerja sanitasi, khususnya akses aman: data kelompok sasaran, sosialisasi, kelembagaan, " +
      "armada penyedotan, IPLT yang berfungsi, dan aplikasi pemantauan.",
    benefits:
      "Layanan sanitasi sesuai standar, masyarakat lebih sehat, penyakit berbasis lingkungan dan stunting " +
      "berkurang.",
    locus: "Bidang sanitasi, Dinas PUPR Kabupaten Lampung Barat",
    startDate: day("2024-05-27"),
    endDate: day("2024-12-31"),
    regionCode: "18.04",
    organisationId: orgs["lampung-barat-pupr"],
    cohortId,
    leaderId: leader,
    coachId: coach,
    mentorId: mentor,
    approvedAt: new Date("2024-06-10T03:00:00.000Z"),
    approvedById: mentor,
  };
  await tx.changeProject.upsert({
    where: { id: LAMPUNG_BARAT },
    create: { id: LAMPUNG_BARAT, ...data, createdAt: new Date("2024-05-27T03:00:00.000Z") },
    update: data,
  });

  const team = [
    { key: "leader", name: "Hendra Gunawan", role: "Project leader (Sekretaris Dinas)", userId: leader },
    {
      key: "mentor",
      name: "Ir. Bambang Prasetyo",
      role: "Mentor, Kepala Dinas (membentuk tim)",
      userId: mentor,
    },
    { key: "ck", name: "Rudi Hartono", role: "Kepala Bidang Cipta Karya" },
    { key: "plp", name: "Maya Sari", role: "Kepala Seksi Penyehatan Lingkungan Permukiman" },
    { key: "data", name: "Joko Susilo", role: "Pengelola data sanitasi" },
    { key: "iplt", name: "Dedi Kurniawan", role: "Teknisi IPLT" },
    { key: "it", name: "Ayu Lestari", role: "Pranata komputer" },
  ];
  await upsertAll(
    tx.projectMember,
    team.map((m) => ({
      id: `demo-lb-member-${m.key}`,
      projectId: LAMPUNG_BARAT,
      userId: m.userId ?? null,
      name: m.name,
      roleInTeam: m.role,
    })),
  );
  const member = (key: string) => `demo-lb-member-${key}`;
  // the six assignments given when the team was formed on 27 May 2024
  await upsertAll(tx.assignment, [
    {
      id: "demo-lb-task-data",
      projectId: LAMPUNG_BARAT,
      title: "Mendata kelompok sasaran sanitasi",
      ownerId: member("data"),
      dueDate: day("2024-06-30"),
      status: "DONE" as const,
    },
    {
      id: "demo-lb-task-sosialisasi",
      projectId: LAMPUNG_BARAT,
      title: "Sosialisasi sanitasi layak dan aman kepada masyarakat",
      ownerId: member("plp"),
      dueDate: day("2024-08-31"),
      status: "IN_PROGRESS" as const,
    },
    {
      id: "demo-lb-task-kelembagaan",
      projectId: LAMPUNG_BARAT,
      title: "Memfasilitasi kelembagaan sanitasi",
      ownerId: member("ck"),
      dueDate: day("2024-09-30"),
      status: "IN_PROGRESS" as const,
    },
    {
      id: "demo-lb-task-truk",
      projectId: LAMPUNG_BARAT,
      title: "Mengajukan pengadaan truk tinja",
      ownerId: member("ck"),
      dueDate: day("2024-08-15"),
      status: "DONE" as const,
    },
    {
      id: "demo-lb-task-iplt",
      projectId: LAMPUNG_BARAT,
      title: "Menilai kondisi IPLT Bahway yang belum beroperasi",
      ownerId: member("iplt"),
      dueDate: day("2024-09-15"),
      status: "IN_PROGRESS" as const,
    },
    {
      id: "demo-lb-task-aplikasi",
      projectId: LAMPUNG_BARAT,
      title: "Membangun aplikasi pemantauan dan informasi sanitasi",
      ownerId: member("it"),
      dueDate: day("2024-10-31"),
      status: "NOT_STARTED" as const,
    },
  ]);

  const done = (iso: string) => ({
    status: "DONE" as const,
    completedAt: new Date(`${iso}T08:00:00.000Z`),
    approvedById: mentor,
    approvedAt: new Date(`${iso}T09:00:00.000Z`),
  });
  const milestone = (
    key: string,
    title: string,
    horizon: "SHORT" | "MEDIUM" | "LONG",
    due: string,
    extra: Partial<Prisma.MilestoneUncheckedCreateInput> = {},
  ) => ({
    id: `demo-lb-ms-${key}`,
    projectId: LAMPUNG_BARAT,
    title,
    horizon,
    dueDate: day(due),
    ownerId: leader,
    status: "NOT_STARTED" as const,
    completedAt: null,
    approvedById: null,
    approvedAt: null,
    ...extra,
  });
  await upsertAll(tx.milestone, [
    milestone("tim", "Tim kerja dibentuk oleh Kepala Dinas PUPR", "SHORT", "2024-05-27", done("2024-05-27")),
    milestone("data", "Data kelompok sasaran sanitasi lengkap", "SHORT", "2024-06-30", done("2024-06-28")),
    milestone("sosialisasi", "Sosialisasi di seluruh kecamatan", "SHORT", "2024-08-31", {
      status: "IN_PROGRESS",
    }),
    milestone("truk", "Usulan truk tinja diajukan", "MEDIUM", "2024-08-15", done("2024-08-14")),
    milestone("iplt", "Hasil penilaian IPLT Bahway dan rencana pengoperasian", "MEDIUM", "2024-09-30"),
    milestone("kelembagaan", "Kelembagaan pengelola sanitasi terbentuk", "MEDIUM", "2024-10-31"),
    milestone("aplikasi", "Aplikasi pemantauan sanitasi dipakai", "MEDIUM", "2024-11-30"),
    milestone("layanan", "IPLT Bahway beroperasi dan layanan penyedotan berjalan", "LONG", "2025-12-31"),
    milestone("aman", "Capaian sanitasi aman naik dari 1,22% (2023)", "LONG", "2026-12-31"),
  ]);

  await upsertAll(tx.stakeholder, [
    stakeholder("kadis", "Kepala Dinas PUPR (mentor)", 5, 5, true, "Membentuk tim dan menyetujui tonggak"),
    stakeholder("bupati", "Bupati Lampung Barat", 5, 3, false, "Dukungan kebijakan dan anggaran"),
    stakeholder(
      "bappeda",
      "Bappeda Kabupaten Lampung Barat",
      4,
      3,
      false,
      "Perencanaan dan penganggaran SPM",
    ),
    stakeholder(
      "dinkes",
      "Dinas Kesehatan Kabupaten Lampung Barat",
      3,
      4,
      false,
      "Data sanitasi dan stunting",
    ),
    stakeholder("kecamatan", "Camat dan peratin (kepala pekon)", 3, 4, false, "Sosialisasi di tingkat pekon"),
    stakeholder("warga", "Rumah tangga sasaran", 2, 5, false, "Pengguna layanan penyedotan"),
    stakeholder("bidang", "Bidang Cipta Karya", 3, 5, true, "Pelaksana teknis"),
  ]);
  function stakeholder(
    key: string,
    name: string,
    influence: number,
    interest: number,
    internal: boolean,
    note: string,
  ) {
    return { id: `demo-lb-sh-${key}`, projectId: LAMPUNG_BARAT, name, influence, interest, internal, note };
  }

  const source = "Dinas PUPR Kabupaten Lampung Barat";
  await upsertAll(tx.indicator, [
    {
      id: "demo-lb-ind-layak",
      projectId: LAMPUNG_BARAT,
      name: "Rumah tangga dengan akses sanitasi layak",
      unit: "%",
      direction: "UP" as const,
      spmField: "PUBLIC_WORKS" as const,
      baseline: 95.46,
      baselineYear: 2023,
    },
    {
      id: "demo-lb-ind-aman",
      projectId: LAMPUNG_BARAT,
      name: "Rumah tangga dengan akses sanitasi aman",
      unit: "%",
      direction: "UP" as const,
      spmField: "PUBLIC_WORKS" as const,
      baseline: 1.22,
      baselineYear: 2023,
    },
  ]);
  await upsertAll(tx.measurement, [
    {
      id: "demo-lb-m-layak-2023",
      indicatorId: "demo-lb-ind-layak",
      value: 95.46,
      measuredAt: day("2023-12-31"),
      periodLabel: "2023",
      source,
    },
    {
      id: "demo-lb-m-aman-2023",
      indicatorId: "demo-lb-ind-aman",
      value: 1.22,
      measuredAt: day("2023-12-31"),
      periodLabel: "2023",
      source,
    },
  ]);
}

// ───────────────────────────── 2. Kendari → Blitar, 2020 ─────────────────────────────

const PAIRING = "demo-pairing-kendari-blitar-2020";
const PRACTICE_SLUG = "layanan-lumpur-tinja-terjadwal-kota-kendari";
const LESSON_SLUG = "kendari-blitar-2020-sesi-1-advokasi-pilot-asn-instruksi-wali-kota";
/** Monday 27 January 2020, 09:00 WITA */
export const FIRST_SESSION_STARTS_AT = new Date("2020-01-27T01:00:00.000Z");
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const LESSONS_OF_SESSION_1 = [
  {
    key: "advokasi",
    title: "Advokasi kepada Wali Kota untuk mendapatkan komitmen kepala daerah",
    detail:
      "Tanpa komitmen kepala daerah, layanan terjadwal sulit berjalan: Pokja menyiapkan data dan bahan " +
      "advokasi sebelum meminta keputusan.",
  },
  {
    key: "pilot-asn",
    title: "Memulai pilot L2T2 dengan rumah tangga ASN",
    detail: "Rumah para ASN menjadi sasaran pertama, sebelum layanan diperluas ke seluruh warga.",
  },
  {
    key: "instruksi",
    title: "Memperkuat pilot dengan instruksi wali kota",
    detail: "Instruksi wali kota, lengkap dengan sanksi, membuat pilot wajib dan terukur.",
  },
];

async function seedKendariBlitar(tx: Tx, orgs: OrganisationIds, users: UserIds) {
  const kendariOfficer = users["kendari@lintas.test"];
  const blitarOfficer = users["blitar@lintas.test"];
  const facilitator = users["fasilitator@lintas.test"];

  // Kendari's L2T2 as a project whose milestones are its history
  const kendariProject = "demo-project-l2t2-kendari";
  const kendariData = {
    title: "Layanan Lumpur Tinja Terjadwal (L2T2) Kota Kendari",
    acronym: "L2T2",
    kind: "REGIONAL_INNOVATION" as const,
    status: "SUSTAINED" as const,
    sector: "Sanitasi (air limbah domestik)",
    spmField: "PUBLIC_WORKS" as const,
    problem:
      "Tangki septik jarang disedot, sehingga lumpur tinja mencemari tanah dan air; warga menyedot " +
      "hanya ketika tangki sudah penuh.",
    objectives: "Penyedotan lumpur tinja secara berkala dan terjadwal bagi rumah tangga Kota Kendari.",
    startDate: day("2016-01-01"),
    regionCode: "74.71",
    organisationId: orgs["kendari-setda"],
    leaderId: kendariOfficer,
    launchedAt: new Date("2016-07-01T00:00:00.000Z"),
  };
  await tx.changeProject.upsert({
    where: { id: kendariProject },
    create: { id: kendariProject, ...kendariData, createdAt: new Date("2016-01-04T00:00:00.000Z") },
    update: kendariData,
  });
  await upsertAll(tx.milestone, [
    {
      id: "demo-l2t2-ms-2016",
      projectId: kendariProject,
      title: "2016: L2T2 dimulai oleh Pemerintah Kota Kendari",
      horizon: "SHORT" as const,
      dueDate: day("2016-12-31"),
      status: "DONE" as const,
      completedAt: new Date("2016-12-31T00:00:00.000Z"),
    },
    {
      id: "demo-l2t2-ms-2017",
      projectId: kendariProject,
      title: "2017: sosialisasi penyedotan lumpur tinja, tangki septik untuk MBR",
      horizon: "MEDIUM" as const,
      dueDate: day("2017-12-31"),
      status: "DONE" as const,
      completedAt: new Date("2017-12-31T00:00:00.000Z"),
    },
    {
      id: "demo-l2t2-ms-2018",
      projectId: kendariProject,
      title:
        "2018: L2T2 wajib bagi semua ASN lewat instruksi wali kota dengan sanksi; tim percepatan dibentuk",
      horizon: "LONG" as const,
      dueDate: day("2018-12-31"),
      status: "DONE" as const,
      completedAt: new Date("2018-12-31T00:00:00.000Z"),
    },
  ]);

  // Blitar's own project, whose milestones come from the commitments of session 1
  const blitarProject = "demo-project-l2t2-blitar";
  const blitarData = {
    title: "Replikasi Layanan Lumpur Tinja Terjadwal di Kota Blitar",
    acronym: "L2T2 Blitar",
    kind: "REGIONAL_INNOVATION" as const,
    status: "APPROVED" as const,
    sector: "Sanitasi (air limbah domestik)",
    spmField: "PUBLIC_WORKS" as const,
    problem: "Kota Blitar belum memiliki layanan penyedotan lumpur tinja yang terjadwal.",
    objectives:
      "Menerapkan layanan terjadwal dengan belajar dari Kota Kendari, sesuai kemampuan Kota Blitar.",
    startDate: day("2020-02-01"),
    regionCode: "35.72",
    organisationId: orgs["blitar-dlh"],
    leaderId: blitarOfficer,
  };
  await tx.changeProject.upsert({
    where: { id: blitarProject },
    create: { id: blitarProject, ...blitarData, createdAt: new Date("2020-01-28T02:00:00.000Z") },
    update: blitarData,
  });
  await upsertAll(
    tx.milestone,
    LESSONS_OF_SESSION_1.map((lesson, i) => ({
      id: `demo-blitar-ms-${lesson.key}`,
      projectId: blitarProject,
      title: lesson.title,
      horizon: i === 0 ? ("SHORT" as const) : ("MEDIUM" as const),
      dueDate: day(i === 0 ? "2020-03-31" : "2020-06-30"),
      ownerId: blitarOfficer,
      status: i === 0 ? ("IN_PROGRESS" as const) : ("NOT_STARTED" as const),
    })),
  );

  // the practice in the public catalogue
  const practiceData = {
    name: "Layanan Lumpur Tinja Terjadwal (L2T2) Kota Kendari",
    summary:
      "Penyedotan lumpur tinja terjadwal sejak 2016, diwajibkan bagi semua ASN pada 2018 lewat instruksi " +
      "wali kota dengan sanksi.",
    status: "PUBLISHED" as const,
    regionCode: "74.71",
    organisationId: orgs["kendari-setda"],
    projectId: kendariProject,
    sector: "Sanitasi (air limbah domestik)",
    spmField: "PUBLIC_WORKS" as const,
    tags: ["lumpur tinja terjadwal", "L2T2", "penyedotan", "air limbah", "sanitasi"],
    problem:
      "Lumpur tinja hanya disedot ketika tangki septik penuh atau bermasalah, sehingga pengolahan air " +
      "limbah domestik tidak berjalan teratur.",
    solution: [
      "2016: Pemerintah Kota Kendari memulai Layanan Lumpur Tinja Terjadwal (L2T2).",
      "2017: sosialisasi pentingnya penyedotan lumpur tinja dan program L2T2 kepada warga; tangki septik " +
        "dibangun untuk masyarakat berpenghasilan rendah (MBR) agar akses sanitasi layak meningkat.",
      "2018: setelah setahun berjalan, strategi diubah: semua ASN Kota Kendari wajib ikut L2T2 melalui " +
        "instruksi wali kota, dengan sanksi bagi yang tidak melaksanakan; tim percepatan pengelolaan air " +
        "limbah dibentuk untuk koordinasi serta bahan pemantauan dan evaluasi.",
    ].join("\n\n"),
    results:
      "Layanan berjalan sejak 2016 dan diperkuat kebijakan pada 2018; pada 2020 Kota Kendari menjadi " +
      "mentor Kota Blitar melalui pembelajaran horizontal PMU PPSP Bappenas.",
    maturity: "SUSTAINED" as const,
    startedYear: 2016,
    contactName: "Pokja Sanitasi Kota Kendari",
    contactEmail: "kendari@lintas.test",
    resources:
      "Truk sedot tinja dan instalasi pengolahan lumpur tinja (IPLT), instruksi wali kota, tim percepatan " +
      "pengelolaan air limbah lintas OPD.",
    // Indeks Inovasi Daerah (PP 38/2017)
    innovationForm: "PUBLIC_SERVICE" as const,
    innovationType: "NON_DIGITAL" as const,
    innovationInitiator: "HEAD_OF_REGION" as const,
    innovationStage: "IMPLEMENTATION" as const,
    governmentAffair: "Pekerjaan umum dan penataan ruang",
    publishedAt: new Date("2020-02-03T02:00:00.000Z"),
  };
  const practice = await tx.practice.upsert({
    where: { slug: PRACTICE_SLUG },
    create: { id: "demo-practice-l2t2-kendari", slug: PRACTICE_SLUG, ...practiceData },
    update: practiceData,
  });

  const pairingData = {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    facilitatorOrgId: orgs["pmu-ppsp"],
    supportingProgramme: "USDP (Urban Sanitation Development Program)",
    topic: "Pengelolaan air limbah: Layanan Lumpur Tinja Terjadwal (L2T2)",
    sector: "Sanitasi (air limbah domestik)",
    mentorProjectId: kendariProject,
    menteeProjectId: blitarProject,
    // each side's Pokja (upsertWorkingGroups), found by name: an older database may hold other ids
    mentorGroupId: (
      await tx.workingGroup.findUniqueOrThrow({
        where: { regionCode_name: { regionCode: "74.71", name: "Pokja Sanitasi Kota Kendari" } },
      })
    ).id,
    menteeGroupId: (
      await tx.workingGroup.findUniqueOrThrow({
        where: { regionCode_name: { regionCode: "35.72", name: "Pokja Sanitasi Kota Blitar" } },
      })
    ).id,
    practiceId: practice.id,
    goals:
      "Kota Blitar mempelajari L2T2 Kota Kendari dan menerapkannya sesuai kemampuan dan kebutuhannya sendiri.",
    method: "PRIVATE_TELECONFERENCE" as const,
    plannedSessions: 6,
    periodStart: day("2020-01-27"),
    periodEnd: day("2020-03-31"),
    // a description, not a link (the group's invitation is not public): shown as text
    followUpChannel: "Grup WhatsApp Pokja Sanitasi Kendari–Blitar",
    status: "ACTIVE" as const,
  };
  await tx.pairing.upsert({
    where: { id: PAIRING },
    create: { id: PAIRING, ...pairingData, createdAt: new Date("2020-01-13T02:00:00.000Z") },
    update: pairingData,
  });
  const sides = [
    { side: "MENTOR" as const, regionCode: "74.71", members: KENDARI_POKJA },
    { side: "MENTEE" as const, regionCode: "35.72", members: BLITAR_POKJA },
  ];
  await upsertAll(
    tx.pairingParticipant,
    sides.flatMap(({ side, regionCode, members }) =>
      members.map((m) => ({
        id: `demo-pp-${m.key}`,
        pairingId: PAIRING,
        side,
        userId: m.email ? users[m.email] : null,
        name: m.name,
        position: m.position,
        agency: m.organisation ? DEMO_ORGANISATIONS[m.organisation].name : null,
        regionCode,
        isLead: m.lead ?? false,
      })),
    ),
  );

  // six weekly sessions from Monday 27 January 2020, 09:00 WITA
  const series = "demo-series-kendari-blitar-2020";
  await tx.sessionSeries.upsert({
    where: { id: series },
    create: { id: series, title: "Teleconference L2T2 Kendari–Blitar 2020" },
    update: { title: "Teleconference L2T2 Kendari–Blitar 2020" },
  });
  const topics = [
    "Pengenalan L2T2 Kota Kendari",
    "Advokasi dan komitmen kepala daerah",
    "Pilot L2T2 bagi ASN",
    "Instruksi wali kota dan sanksi",
    "Armada, tarif dan pengolahan lumpur tinja",
    "Rencana replikasi Kota Blitar",
  ];
  const sessionId = (n: number) => `demo-session-kendari-blitar-${n}`;
  await upsertAll(
    tx.session,
    topics.map((topic, i) => {
      const startsAt = new Date(FIRST_SESSION_STARTS_AT.getTime() + i * WEEK_MS);
      const held = i === 0;
      return {
        id: sessionId(i + 1),
        uid: `demo-kendari-blitar-2020-${i + 1}@lintas`,
        roomName: `demo-kendari-blitar-2020-${i + 1}`,
        title: `Sesi ${i + 1}: ${topic}`,
        startsAt,
        durationMinutes: 90,
        timeZone: "Asia/Makassar",
        status: held ? ("HELD" as const) : ("SCHEDULED" as const),
        pairingId: PAIRING,
        seriesId: series,
        seriesIndex: i + 1,
        startedAt: held ? startsAt : null,
        endedAt: held ? new Date(startsAt.getTime() + 90 * 60 * 1000) : null,
      };
    }),
  );
  await upsertAll(tx.agendaItem, [
    agendaItem(1, "Pembukaan dan tujuan private learning", "PMU PPSP Bappenas"),
    agendaItem(2, "Paparan L2T2: perjalanan 2016–2018", "Pokja Sanitasi Kota Kendari"),
    agendaItem(3, "Kondisi pengelolaan air limbah Kota Blitar", "Pokja Sanitasi Kota Blitar"),
    agendaItem(4, "Diskusi dan tindak lanjut", "Fasilitator"),
  ]);
  function agendaItem(position: number, title: string, presenter: string) {
    return { id: `demo-agenda-kb1-${position}`, sessionId: sessionId(1), position, title, presenter };
  }
  for (let n = 1; n <= topics.length; n++) {
    for (const userId of [facilitator, kendariOfficer, blitarOfficer]) {
      await tx.sessionInvitee.upsert({
        where: { sessionId_userId: { sessionId: sessionId(n), userId } },
        create: { sessionId: sessionId(n), userId },
        update: {},
      });
    }
  }

  // attendance of the first session (recorded by hand: 2020 predates the conference server)
  const start = FIRST_SESSION_STARTS_AT.getTime();
  const minutes = (m: number) => new Date(start + m * 60 * 1000);
  const attendees = [
    { key: "facilitator", name: "Rina Wulandari", userId: facilitator, regionCode: null },
    ...sides.flatMap(({ regionCode, members }) =>
      members.map((m) => ({
        key: m.key,
        name: m.name,
        userId: m.email ? users[m.email] : null,
        regionCode,
      })),
    ),
  ];
  await upsertAll(
    tx.attendance,
    attendees.map((a, i) => ({
      id: `demo-att-kb1-${a.key}`,
      sessionId: sessionId(1),
      userId: a.userId,
      identity: a.userId ?? `manual:${a.key}`,
      name: a.name,
      regionCode: a.regionCode,
      joinedAt: minutes(i % 4),
      leftAt: minutes(90),
      source: "MANUAL" as const,
    })),
  );

  const noteContent = pm.doc(
    pm.heading(2, "Catatan sesi 1: pengenalan L2T2 Kota Kendari"),
    pm.paragraph(
      "Pokja Kendari, dipimpin Sekretaris Daerah, memaparkan L2T2: dimulai 2016, disosialisasikan 2017 " +
        "bersama pembangunan tangki septik MBR, dan sejak 2018 wajib bagi ASN lewat instruksi wali kota.",
    ),
    pm.bulletList(LESSONS_OF_SESSION_1.map((l) => l.title)),
    pm.paragraph("Jadwal sesi berikutnya disepakati di grup WhatsApp."),
  );
  await tx.sessionNote.upsert({
    where: { sessionId: sessionId(1) },
    create: { id: "demo-note-kb1", sessionId: sessionId(1), content: noteContent },
    update: { content: noteContent },
  });

  // the three lessons of session 1, as Blitar's follow-up commitments (each a milestone of its project)
  await upsertAll(
    tx.commitment,
    LESSONS_OF_SESSION_1.map((lesson, i) => ({
      id: `demo-commitment-kb1-${lesson.key}`,
      pairingId: PAIRING,
      sessionId: sessionId(1),
      title: lesson.title,
      side: "MENTEE" as const,
      owner: "Pokja Sanitasi Kota Blitar",
      dueDate: day(i === 0 ? "2020-03-31" : "2020-06-30"),
      status: i === 0 ? ("IN_PROGRESS" as const) : ("NOT_STARTED" as const),
      milestoneId: `demo-blitar-ms-${lesson.key}`,
      createdAt: minutes(85),
    })),
  );

  // …and as a published lessons-learned page
  const lessonContent = pm.doc(
    pm.heading(2, "Latar"),
    pm.paragraph(
      "PMU PPSP Bappenas, dengan dukungan USDP, mempertemukan Kota Blitar (mentee) dengan Kota Kendari " +
        "(mentor) untuk belajar pengelolaan air limbah lewat private learning jarak jauh: enam teleconference " +
        "dalam tiga bulan, Januari sampai Maret 2020. Sesi pertama berlangsung Senin, 27 Januari 2020.",
    ),
    pm.heading(2, "Yang dipelajari dari Kendari"),
    pm.paragraph(
      "L2T2 dimulai pada 2016. Pada 2017 kota menyosialisasikan pentingnya penyedotan lumpur tinja dan " +
        "membangun tangki septik untuk MBR. Belajar dari tahun pertama, pada 2018 semua ASN diwajibkan ikut " +
        "L2T2 melalui instruksi wali kota, dengan sanksi, dan tim percepatan dibentuk.",
    ),
    pm.heading(2, "Tiga pelajaran"),
    pm.bulletList(LESSONS_OF_SESSION_1.map((l) => `${l.title}. ${l.detail}`)),
    pm.heading(2, "Tindak lanjut"),
    pm.paragraph(
      "Kedua kota membahas detailnya di sesi berikutnya; jadwalnya disepakati di grup WhatsApp. Pokja " +
        "Blitar menjadikan ketiga pelajaran tonggak proyek replikasinya.",
    ),
  );
  const lessonData = {
    title: "Kendari–Blitar, sesi 1: advokasi, pilot ASN dan instruksi wali kota",
    summary:
      "Tiga pelajaran dari L2T2 Kota Kendari: raih komitmen kepala daerah, mulai dari ASN, perkuat dengan " +
      "instruksi wali kota.",
    content: lessonContent,
    status: "PUBLISHED" as const,
    sector: "Sanitasi (air limbah domestik)",
    tags: ["L2T2", "lumpur tinja terjadwal", "advokasi", "ASN", "instruksi wali kota"],
    regionCode: "74.71",
    pairingId: PAIRING,
    sessionId: sessionId(1),
    authorId: facilitator,
    publishedById: facilitator,
    publishedAt: new Date("2020-01-31T03:00:00.000Z"),
    practices: { connect: [{ id: practice.id }] },
    version: 1,
    // the lessons-learned template, checked against the app's own schema
    sections: lessonSectionsSchema.parse({
      context:
        "Kota Blitar ingin membenahi pengelolaan air limbah domestik: lumpur tinja dari tangki septik rumah " +
        "tangga belum disedot secara teratur. Kota Kendari menjalankan Layanan Lumpur Tinja Terjadwal (L2T2) " +
        "sejak 2016. PMU PPSP Bappenas, didukung USDP, memasangkan Kendari (mentor) dengan Blitar (mentee): " +
        "6 teleconference dalam 3 bulan, sesi pertama Senin, 27 Januari 2020.",
      mentorSteps: [
        { when: "2016", what: "Kendari memulai L2T2, layanan penyedotan lumpur tinja terjadwal." },
        {
          when: "2017",
          what: "Sosialisasi pentingnya penyedotan lumpur tinja, bersama pembangunan tangki septik untuk MBR.",
        },
        { when: "2018", what: "Semua ASN wajib ikut L2T2 melalui instruksi wali kota, dengan sanksi." },
        { when: "2018", what: "Tim percepatan dibentuk." },
      ],
      results:
        "Sejak 2018 layanan terjadwal menjangkau rumah tangga ASN Kota Kendari sebagai pilot sebelum diperluas " +
        "ke warga. Pokja Blitar menjadikan ketiga pelajaran sesi pertama tonggak proyek replikasinya.",
      indicators: [
        { name: "Tahun L2T2 dimulai", value: "2016" },
        { name: "Tahun L2T2 wajib bagi ASN", value: "2018" },
        { name: "Teleconference Kendari–Blitar", value: "6 sesi dalam 3 bulan" },
      ],
      successFactors: LESSONS_OF_SESSION_1.map((l) => l.title),
      obstacles:
        "Pada tahun pertama layanan masih sukarela; belajar dari tahun itu, Kendari menjadikannya wajib bagi " +
        "ASN dengan instruksi wali kota dan sanksi.",
      needs: {
        policy: "Instruksi wali kota yang mewajibkan ASN ikut layanan terjadwal, lengkap dengan sanksi.",
        budget: "Biaya sosialisasi, tangki septik untuk MBR, dan operasional penyedotan terjadwal.",
        people:
          "Pokja Sanitasi lintas OPD (Bappeda, BPKAD, PUPR, kesehatan, kebersihan/DLH) dan tim percepatan.",
        time: "Di Kendari dua tahun: dari mulai (2016) sampai wajib bagi ASN (2018).",
      },
      replicationSteps: [
        "Siapkan data dan bahan advokasi bersama Pokja Sanitasi.",
        "Raih komitmen wali kota atau bupati.",
        "Mulai pilot dengan rumah tangga ASN.",
        "Perkuat pilot dengan instruksi kepala daerah, dengan sanksi.",
        "Bentuk tim percepatan, lalu perluas ke seluruh warga.",
      ],
      contacts:
        "Pokja Sanitasi Kota Kendari (dipimpin Sekretaris Daerah) melalui PMU PPSP Bappenas; sesi lanjutan " +
        "disepakati di grup WhatsApp kedua kota.",
      spmField: "PUBLIC_WORKS",
    }),
  };
  await tx.lesson.upsert({
    where: { slug: LESSON_SLUG },
    create: { id: "demo-lesson-kendari-blitar-1", slug: LESSON_SLUG, ...lessonData },
    update: lessonData,
  });

  await tx.replication.upsert({
    where: { practiceId_regionCode: { practiceId: practice.id, regionCode: "35.72" } },
    create: {
      id: "demo-replication-l2t2-blitar",
      practiceId: practice.id,
      regionCode: "35.72",
      status: "IN_PROGRESS",
    },
    update: {},
  });
}

// ───────────────────────────── 3. Lahat, 10 October 2023 ─────────────────────────────

export const LAHAT_LAUNCH_ID = "demo-launch-lahat-2023-10-10";

async function seedLahat(tx: Tx, orgs: OrganisationIds, people: UserIds, cohortId: string) {
  const launchData = {
    title: "Launching serentak empat proyek perubahan PKN II Angkatan XX Kabupaten Lahat",
    // Tuesday 10 October 2023; the hour is not reported, 09:00 WIB stands in
    date: new Date("2023-10-10T02:00:00.000Z"),
    place: "Kabupaten Lahat",
    launchedBy: "Bupati Lahat",
    regionCode: "16.04",
  };
  await tx.launchEvent.upsert({
    where: { id: LAHAT_LAUNCH_ID },
    create: { id: LAHAT_LAUNCH_ID, ...launchData },
    update: launchData,
  });

  const projects = [
    {
      key: "siap-bpkad",
      title: "Sistem Informasi Pelayanan Konsultasi (SIAP) BPKAD Lahat",
      acronym: "SIAP BPKAD",
      organisation: "lahat-bpkad" as const,
      leader: "pimpinan.siap@contoh.lintas.test",
      sector: "Pengelolaan keuangan daerah",
      problem:
        "BPKAD menerima banyak kunjungan untuk urusan sederhana, sehingga pemberi dan penerima layanan sama-sama " +
        "tidak bekerja optimal: 5.129 kunjungan pada 2022, dan 4.772 kunjungan dari 2 Januari sampai 30 " +
        "September 2023 (sekitar 6.000 setahun).",
      objectives:
        "Konsultasi dan koordinasi sederhana dilayani lewat aplikasi, dengan data yang aman dan pegawai yang " +
        "bekerja nyaman.",
      milestones: [
        ["Konsultasi sederhana dilayani lewat aplikasi SIAP", "2024-03-31"],
        ["Kunjungan tatap muka untuk urusan sederhana berkurang", "2024-12-31"],
      ],
    },
    {
      key: "perjaka",
      title:
        "Kolaborasi pemangku kepentingan mengawasi pemeliharaan ruas jalan kabupaten melalui papan digital",
      acronym: "PERJAKA",
      organisation: "lahat-pupr" as const,
      leader: "pimpinan.perjaka@contoh.lintas.test",
      sector: "Jalan",
      problem:
        "Kerusakan ruas jalan kabupaten sulit dipantau bersama oleh dinas dan masyarakat, padahal panjang " +
        "jalan kabupaten yang ditetapkan dengan SK mencapai 1.339,15 km.",
      objectives:
        "Papan digital yang memudahkan dinas dan warga mengetahui serta memantau kondisi ruas jalan kabupaten.",
      milestones: [
        ["Seluruh ruas jalan kabupaten ber-SK tampil di papan digital", "2024-03-31"],
        ["Jalan kabupaten dalam kondisi baik mencapai 83%", "2023-12-31"],
      ],
    },
    {
      key: "sip-benar",
      title: "Sistem Informasi Pembangunan Berbasis Dana CSR",
      acronym: "SIP BENAR",
      organisation: "lahat-bappeda" as const,
      leader: "pimpinan.sipbenar@contoh.lintas.test",
      sector: "Perencanaan pembangunan",
      problem:
        "Program CSR perusahaan belum tercatat dalam satu sistem dan belum selaras dengan rencana daerah.",
      objectives: "Satu sistem informasi yang menghimpun dana CSR dan menautkannya ke prioritas pembangunan.",
      milestones: [
        ["Data program CSR perusahaan terhimpun dalam sistem", "2024-03-31"],
        ["Dana CSR selaras dengan prioritas pembangunan daerah", "2024-12-31"],
      ],
    },
    {
      key: "e-agenda",
      title: "Website e-Agenda Sekretariat DPRD Kabupaten Lahat",
      acronym: "e-Agenda",
      organisation: "lahat-dprd" as const,
      leader: "pimpinan.eagenda@contoh.lintas.test",
      sector: "Tata kelola pemerintahan",
      problem: "Agenda kegiatan DPRD belum mudah diketahui oleh anggota, OPD dan masyarakat.",
      objectives: "Agenda Sekretariat DPRD terbit rutin dan terbuka di sebuah website.",
      milestones: [
        ["Agenda kegiatan DPRD terbit rutin di website", "2024-01-31"],
        ["Masyarakat memantau agenda DPRD secara terbuka", "2024-12-31"],
      ],
    },
  ];

  const launchedAt = launchData.date;
  for (const p of projects) {
    const id = `demo-project-${p.key}-lahat`;
    const leaderId = people[p.leader];
    const data = {
      title: p.title,
      acronym: p.acronym,
      kind: "TRAINING_CHANGE_PROJECT" as const,
      status: "LAUNCHED" as const,
      sector: p.sector,
      problem: p.problem,
      objectives: p.objectives,
      benefits:
        "Dijalankan di tingkat OPD agar tugas lebih efektif dan efisien: Bupati meminta inovasi ini " +
        "diterapkan, tidak berhenti di tengah jalan.",
      startDate: day("2023-07-01"),
      regionCode: "16.04",
      organisationId: orgs[p.organisation],
      cohortId,
      leaderId,
      launchEventId: LAHAT_LAUNCH_ID,
      launchedAt,
    };
    await tx.changeProject.upsert({
      where: { id },
      create: { id, ...data, createdAt: new Date("2023-07-03T02:00:00.000Z") },
      update: data,
    });
    await upsertAll(tx.projectMember, [
      {
        id: `demo-${p.key}-member-leader`,
        projectId: id,
        userId: leaderId,
        name: DEMO_PEOPLE.find((person) => person.email === p.leader)!.name,
        roleInTeam: "Project leader",
      },
    ]);
    await upsertAll(tx.milestone, [
      {
        id: `demo-${p.key}-ms-launch`,
        projectId: id,
        title: "Launching oleh Bupati Lahat",
        horizon: "SHORT" as const,
        dueDate: day("2023-10-10"),
        ownerId: leaderId,
        status: "DONE" as const,
        completedAt: launchedAt,
      },
      ...p.milestones.map(([title, due], i) => ({
        id: `demo-${p.key}-ms-${i + 1}`,
        projectId: id,
        title,
        horizon: i === 0 ? ("MEDIUM" as const) : ("LONG" as const),
        dueDate: day(due),
        ownerId: leaderId,
        status: i === 0 ? ("IN_PROGRESS" as const) : ("NOT_STARTED" as const),
      })),
    ]);
    await upsertAll(tx.stakeholder, [
      {
        id: `demo-${p.key}-sh-bupati`,
        projectId: id,
        name: "Bupati Lahat",
        influence: 5,
        interest: 5,
        internal: false,
        note: "Meluncurkan dan meminta implementasi",
      },
      {
        id: `demo-${p.key}-sh-opd`,
        projectId: id,
        name: "Pegawai dan pengguna layanan OPD",
        influence: 3,
        interest: 4,
        internal: true,
        note: null,
      },
    ]);
  }

  // the reported numbers
  await upsertAll(tx.indicator, [
    {
      id: "demo-siap-ind-kunjungan",
      projectId: "demo-project-siap-bpkad-lahat",
      name: "Kunjungan konsultasi dan koordinasi ke BPKAD",
      unit: "kunjungan",
      direction: "DOWN" as const,
      baseline: 5129,
      baselineYear: 2022,
    },
    {
      id: "demo-perjaka-ind-kondisi",
      projectId: "demo-project-perjaka-lahat",
      name: "Ruas jalan kabupaten dalam kondisi baik",
      unit: "%",
      direction: "UP" as const,
      baseline: 78.35,
      baselineYear: 2022,
      target: 83,
      targetYear: 2023,
    },
    {
      id: "demo-perjaka-ind-panjang",
      projectId: "demo-project-perjaka-lahat",
      name: "Panjang ruas jalan kabupaten yang ditetapkan dengan SK",
      unit: "km",
      direction: "UP" as const,
      baseline: 1339.15,
      baselineYear: 2023,
    },
  ]);
  const bpkad = "BPKAD Kabupaten Lahat";
  await upsertAll(tx.measurement, [
    {
      id: "demo-siap-m-2022",
      indicatorId: "demo-siap-ind-kunjungan",
      value: 5129,
      measuredAt: day("2022-12-31"),
      periodLabel: "2022",
      source: bpkad,
    },
    {
      id: "demo-siap-m-2023-sep",
      indicatorId: "demo-siap-ind-kunjungan",
      value: 4772,
      measuredAt: day("2023-09-30"),
      periodLabel: "2 Jan – 30 Sep 2023",
      note: "Sekitar 6.000 kunjungan bila dihitung setahun",
      source: bpkad,
    },
    {
      id: "demo-perjaka-m-2022",
      indicatorId: "demo-perjaka-ind-kondisi",
      value: 78.35,
      measuredAt: day("2022-12-31"),
      periodLabel: "2022",
      source: "Dinas PUPR Kabupaten Lahat",
    },
    {
      id: "demo-perjaka-m-panjang",
      indicatorId: "demo-perjaka-ind-panjang",
      value: 1339.15,
      measuredAt: day("2023-10-10"),
      periodLabel: "2023",
      source: "Dinas PUPR Kabupaten Lahat",
    },
  ]);
}

// ───────────────────────────── 4. Sulawesi Tenggara, June 2024 ─────────────────────────────

async function seedSultra(tx: Tx, users: UserIds) {
  const regencies = await tx.region.findMany({
    where: { provinceCode: "74" },
    orderBy: { code: "asc" },
    select: { code: true, name: true },
  });
  const series = "demo-series-rakor-spm-sultra-2024";
  await tx.sessionSeries.upsert({
    where: { id: series },
    create: { id: series, title: "Rakor SPM Keciptakaryaan Pekerjaan Umum Sulawesi Tenggara 2024" },
    update: { title: "Rakor SPM Keciptakaryaan Pekerjaan Umum Sulawesi Tenggara 2024" },
  });
  // Monday and Tuesday 10–11 June 2024; the hours are not reported, 09:00 WITA stands in
  const days = [
    { n: 1, startsAt: new Date("2024-06-10T01:00:00.000Z") },
    { n: 2, startsAt: new Date("2024-06-11T01:00:00.000Z") },
  ];
  const sessionId = (n: number) => `demo-session-rakor-spm-sultra-${n}`;
  await upsertAll(
    tx.session,
    days.map(({ n, startsAt }) => ({
      id: sessionId(n),
      uid: `demo-rakor-spm-sultra-2024-${n}@lintas`,
      roomName: `demo-rakor-spm-sultra-2024-${n}`,
      title: `Rapat Koordinasi SPM Keciptakaryaan PU, hari ${n}`,
      startsAt,
      durationMinutes: 360,
      timeZone: "Asia/Makassar",
      status: "HELD" as const,
      hostRegionCode: "74",
      seriesId: series,
      seriesIndex: n,
      startedAt: startsAt,
      endedAt: new Date(startsAt.getTime() + 360 * 60 * 1000),
    })),
  );
  await upsertAll(tx.agendaItem, [
    agenda(
      1,
      1,
      "Pembukaan: menyatukan persepsi SPM provinsi dan kabupaten/kota",
      "Kepala Dinas Cipta Karya",
    ),
    agenda(1, 2, "Arah kebijakan penerapan SPM", "Biro Pemerintahan"),
    agenda(1, 3, "Dokumen perencanaan daerah dan pemenuhan SPM", "Bappeda"),
    agenda(2, 1, "Penerapan SPM bidang keciptakaryaan pekerjaan umum", "Inspektorat"),
    agenda(2, 2, "Agenda kerja kabupaten/kota untuk target SPM", "Peserta dari 17 kabupaten/kota"),
  ]);
  function agenda(n: number, position: number, title: string, presenter: string) {
    return { id: `demo-agenda-sultra-${n}-${position}`, sessionId: sessionId(n), position, title, presenter };
  }
  const viewer = users["sultra@lintas.test"];
  for (const { n } of days) {
    await tx.sessionInvitee.upsert({
      where: { sessionId_userId: { sessionId: sessionId(n), userId: viewer } },
      create: { sessionId: sessionId(n), userId: viewer },
      update: {},
    });
  }
  // one delegation of the agencies concerned from each of the 17 kabupaten/kota, both days
  await upsertAll(
    tx.attendance,
    days.flatMap(({ n, startsAt }) =>
      regencies.map((region) => ({
        id: `demo-att-sultra-${n}-${region.code}`,
        sessionId: sessionId(n),
        userId: null,
        identity: `manual:opd-${region.code}`,
        name: `Perwakilan OPD ${region.name}`,
        regionCode: region.code,
        joinedAt: startsAt,
        leftAt: new Date(startsAt.getTime() + 360 * 60 * 1000),
        source: "MANUAL" as const,
      })),
    ),
  );

  // SPM public-works indicators per kabupaten/kota: made-up values, marked as demo data
  const source = "Data demo Lintas, bukan angka resmi";
  const indicators = regencies.flatMap((region) => [
    {
      key: "air-minum",
      region,
      name: "Rumah tangga yang terlayani air minum (SPM PU)",
      value: 62 + stableFraction(`${region.code}-air-minum`) * 30,
    },
    {
      key: "air-limbah",
      region,
      name: "Rumah tangga yang terlayani pengolahan air limbah domestik (SPM PU)",
      value: 45 + stableFraction(`${region.code}-air-limbah`) * 40,
    },
  ]);
  await upsertAll(
    tx.indicator,
    indicators.map((i) => ({
      id: `demo-spm-${i.region.code}-${i.key}`,
      regionCode: i.region.code,
      name: i.name,
      unit: "%",
      direction: "UP" as const,
      spmField: "PUBLIC_WORKS" as const,
      baseline: Math.round(i.value * 100) / 100,
      baselineYear: 2023,
      target: 100,
      targetYear: 2024,
    })),
  );
  await upsertAll(
    tx.measurement,
    indicators.map((i) => ({
      id: `demo-spm-m-${i.region.code}-${i.key}-2023`,
      indicatorId: `demo-spm-${i.region.code}-${i.key}`,
      value: Math.round(i.value * 100) / 100,
      measuredAt: day("2023-12-31"),
      periodLabel: "2023",
      source,
    })),
  );
}

// ───────────────────────────── 5. Kab. Serang, June 2025 ─────────────────────────────

const SERANG_PIP = "demo-project-pip-kesehatan-serang-2025";

async function seedSerang(tx: Tx, orgs: OrganisationIds, people: UserIds) {
  const leaderId = people["pip.kesehatan@contoh.lintas.test"];
  const data = {
    title: "Rencana Peningkatan Kinerja (PIP) Bidang Kesehatan Kabupaten Serang 2025",
    acronym: "PIP Kesehatan",
    kind: "PERFORMANCE_IMPROVEMENT_PLAN" as const,
    status: "PROPOSED" as const,
    sector: "Kesehatan",
    spmField: "HEALTH" as const,
    problem:
      "Kinerja kesehatan daerah sudah membaik, tetapi belum melompat; dan kesehatan bukan urusan Dinas " +
      "Kesehatan saja, melainkan juga OPD lain. Akar masalahnya perlu dicari bersama.",
    objectives:
      "Lompatan kinerja kesehatan yang dapat menjadi percontohan nasional, diukur dengan empat indikator.",
    benefits: "Kerja lintas OPD yang terarah, didampingi tim ahli Kementerian Keuangan.",
    locus: "Lintas OPD Pemerintah Kabupaten Serang",
    startDate: day("2025-06-16"),
    endDate: day("2025-12-31"),
    regionCode: "36.04",
    organisationId: orgs["serang-dinkes"],
    leaderId,
  };
  await tx.changeProject.upsert({
    where: { id: SERANG_PIP },
    create: { id: SERANG_PIP, ...data, createdAt: new Date("2025-06-16T02:00:00.000Z") },
    update: data,
  });
  await upsertAll(tx.projectMember, [
    {
      id: "demo-pip-member-leader",
      projectId: SERANG_PIP,
      userId: leaderId,
      name: "dr. Laila Kurnia",
      roleInTeam: "Koordinator PIP, Dinas Kesehatan",
    },
    {
      id: "demo-pip-member-bappeda",
      projectId: SERANG_PIP,
      userId: null,
      name: "Taufik Hidayat",
      roleInTeam: "Perencana, Bappeda Kabupaten Serang",
    },
    {
      id: "demo-pip-member-data",
      projectId: SERANG_PIP,
      userId: null,
      name: "Melati Anggraini",
      roleInTeam: "Pengelola data kesehatan, Dinas Kesehatan",
    },
  ]);
  await upsertAll(tx.milestone, [
    pipMilestone(
      "audiensi",
      "Audiensi dengan Bupati Serang, OPD teknis dan Kemenkeu",
      "SHORT",
      "2025-06-16",
      true,
    ),
    pipMilestone("lokakarya", "Lokakarya mencari akar masalah PIP kesehatan", "SHORT", "2025-06-17", true),
    pipMilestone(
      "dokumen",
      "Dokumen PIP dari tim ahli Kemenkeu dibahas bersama",
      "MEDIUM",
      "2025-09-30",
      false,
    ),
    pipMilestone("pertemuan", "Pertemuan lanjutan luring dan daring berkala", "MEDIUM", "2025-12-31", false),
    pipMilestone("capaian", "Keempat indikator kesehatan membaik", "LONG", "2026-12-31", false),
  ]);
  function pipMilestone(
    key: string,
    title: string,
    horizon: "SHORT" | "MEDIUM" | "LONG",
    due: string,
    done: boolean,
  ) {
    return {
      id: `demo-pip-ms-${key}`,
      projectId: SERANG_PIP,
      title,
      horizon,
      dueDate: day(due),
      ownerId: leaderId,
      status: done ? ("DONE" as const) : ("NOT_STARTED" as const),
      completedAt: done ? new Date(`${due}T08:00:00.000Z`) : null,
    };
  }
  await upsertAll(tx.stakeholder, [
    pipStakeholder("bupati", "Bupati Serang", 5, 5, false),
    pipStakeholder("kemenkeu", "Tim ahli Kementerian Keuangan", 4, 4, false),
    pipStakeholder("opd", "OPD lintas sektor", 4, 4, false),
    pipStakeholder("puskesmas", "Puskesmas", 3, 5, true),
  ]);
  function pipStakeholder(key: string, name: string, influence: number, interest: number, internal: boolean) {
    return { id: `demo-pip-sh-${key}`, projectId: SERANG_PIP, name, influence, interest, internal };
  }
  // the four indicators; their values are not reported, so none are invented
  await upsertAll(tx.indicator, [
    pipIndicator("uhh", "Usia harapan hidup", "tahun", null),
    pipIndicator("idl", "Cakupan imunisasi dasar lengkap pada anak", "%", "HEALTH"),
    pipIndicator("gizi", "Anak dengan status gizi normal", "%", "HEALTH"),
    pipIndicator("faskes", "Persalinan di fasilitas kesehatan", "%", "HEALTH"),
  ]);
  function pipIndicator(key: string, name: string, unit: string, spmField: "HEALTH" | null) {
    return {
      id: `demo-pip-ind-${key}`,
      projectId: SERANG_PIP,
      name,
      unit,
      direction: "UP" as const,
      spmField,
    };
  }
  // the workshop on Tuesday 17 June 2025 (hour not reported: 09:00 WIB stands in)
  const startsAt = new Date("2025-06-17T02:00:00.000Z");
  await upsertAll(tx.session, [
    {
      id: "demo-session-pip-serang-lokakarya",
      uid: "demo-pip-serang-2025-lokakarya@lintas",
      roomName: "demo-pip-serang-2025-lokakarya",
      title: "Lokakarya rencana pelaksanaan PIP bidang kesehatan",
      startsAt,
      durationMinutes: 240,
      timeZone: "Asia/Jakarta",
      status: "HELD" as const,
      projectId: SERANG_PIP,
      startedAt: startsAt,
      endedAt: new Date(startsAt.getTime() + 240 * 60 * 1000),
    },
  ]);
}

// ───────────────────────────── the whole demo ─────────────────────────────

export async function seedDemo(prisma: PrismaClient, { log = console.log }: { log?: Log } = {}) {
  const started = performance.now();
  const regions = await importRegions(prisma);
  log(`Regions: ${regions.provinces} provinces, ${regions.regencies} kabupaten/kota`);
  const hashes = await passwordHashes(prisma);

  await prisma.$transaction(
    async (tx) => {
      const orgs = await upsertOrganisations(tx);
      const users = await upsertDemoAccounts(tx, orgs, hashes);
      const people = await upsertDemoPeople(tx, orgs);
      await upsertWorkingGroups(tx, orgs, users);
      const cohorts = await upsertCohorts(tx, orgs);
      await seedLampungBarat(tx, orgs, users, cohorts.pka);
      await seedKendariBlitar(tx, orgs, users);
      await seedLahat(tx, orgs, people, cohorts.pkn);
      await seedSultra(tx, users);
      await seedSerang(tx, orgs, people);
      // the rest of the catalogue (after the projects its seed cases link to)
      await upsertCataloguePractices(tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  const [organisations, users, projects, pairings, sessions, lessons, practices] = await Promise.all([
    prisma.organisation.count(),
    prisma.user.count(),
    prisma.changeProject.count(),
    prisma.pairing.count(),
    prisma.session.count(),
    prisma.lesson.count({ where: { status: "PUBLISHED" } }),
    prisma.practice.count({ where: { status: "PUBLISHED" } }),
  ]);
  log(
    `Demo data: ${organisations} organisations, ${users} people (${DEMO_ACCOUNTS.length} demo accounts), ` +
      `${projects} projects, ${pairings} pairings, ${sessions} sessions, ${lessons} published lessons, ` +
      `${practices} published practices (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
