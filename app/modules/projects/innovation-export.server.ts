// A region's practices in the shape of the regional innovation index (Indeks Inovasi Daerah,
// Kemendagri, under PP 38/2017): the columns of the ministry's innovation profile form, so a region
// copies its rows instead of re-typing them every year. CSV (formula-safe) and XLSX.
import ExcelJS from "exceljs";
import type { Grant } from "~/auth/permissions";
import { publicOrScoped } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { recordsToCsv } from "~/utils/csv";
import { practiceWhere } from "~/modules/catalogue/practice.server";
import { toWallClock } from "~/utils/dates";
import { CONTENT_LICENCE } from "~/utils/licence";

/** The ministry's own words for each choice (data values, the same in every interface language). */
const FORM = {
  GOVERNANCE: "Inovasi tata kelola pemerintahan daerah",
  PUBLIC_SERVICE: "Inovasi pelayanan publik",
  OTHER: "Inovasi daerah lainnya sesuai urusan pemerintahan yang menjadi kewenangan daerah",
} as const;
const TYPE = { DIGITAL: "Digital", NON_DIGITAL: "Non digital" } as const;
const INITIATOR = {
  HEAD_OF_REGION: "Kepala Daerah",
  DPRD_MEMBER: "Anggota DPRD",
  AGENCY: "OPD",
  CIVIL_SERVANT: "ASN",
  COMMUNITY: "Masyarakat",
} as const;
const STAGE = { INITIATIVE: "Inisiatif", TRIAL: "Uji coba", IMPLEMENTATION: "Penerapan" } as const;

/** Column headers as the innovation profile form names them. */
export const IID_COLUMNS = [
  "Nama Pemda",
  "Nama Inovasi",
  "Tahapan Inovasi",
  "Inisiator Inovasi Daerah",
  "Jenis Inovasi",
  "Bentuk Inovasi Daerah",
  "Urusan Pemerintahan",
  "Perangkat Daerah",
  "Waktu Uji Coba Inovasi Daerah",
  "Waktu Penerapan Inovasi Daerah",
  "Rancang Bangun",
  "Tujuan Inovasi Daerah",
  "Manfaat yang Diperoleh",
  "Hasil Inovasi",
  "Bukti (tautan)",
  "Tautan Lintas",
] as const;
export type IidRow = Record<(typeof IID_COLUMNS)[number], string> & { Status?: string };

/**
 * The practices of a region (a province covers its kabupaten/kota). Everyone gets the published
 * ones; a curator whose grants cover a practice also gets it as a draft or archived record.
 */
export async function listInnovationRows(
  regionCode: string,
  { curatorGrants, appUrl }: { curatorGrants?: Grant[]; appUrl: string },
) {
  const region = await prisma.region.findUnique({ where: { code: regionCode }, select: { name: true } });
  if (!region) return null;
  const inRegion: Prisma.PracticeWhereInput = {
    OR: [{ regionCode }, { region: { provinceCode: regionCode } }],
  };
  const visible = publicOrScoped<Prisma.PracticeWhereInput>(
    { status: "PUBLISHED" },
    curatorGrants?.length ? practiceWhere(curatorGrants) : undefined,
  );
  const practices = await prisma.practice.findMany({
    where: { AND: [inRegion, visible] },
    orderBy: [{ regionCode: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      summary: true,
      problem: true,
      solution: true,
      results: true,
      innovationForm: true,
      innovationType: true,
      innovationInitiator: true,
      innovationStage: true,
      governmentAffair: true,
      evidenceUrl: true,
      region: { select: { name: true, timeZone: true } },
      organisation: { select: { name: true } },
      project: { select: { id: true, objectives: true, benefits: true, launchedAt: true } },
    },
  });
  // the day a project moved to piloting, when its timeline recorded it
  const projectIds = practices.flatMap((p) => (p.project ? [p.project.id] : []));
  const pilots = projectIds.length
    ? await prisma.activityLog.findMany({
        where: {
          subjectType: "ChangeProject",
          subjectId: { in: projectIds },
          action: "project.status_changed",
          data: { path: ["to"], equals: "PILOTING" },
        },
        orderBy: { createdAt: "asc" },
        select: { subjectId: true, createdAt: true },
      })
    : [];
  const pilotedAt = new Map<string, Date>();
  for (const p of pilots) if (!pilotedAt.has(p.subjectId)) pilotedAt.set(p.subjectId, p.createdAt);
  const day = (date: Date | null | undefined, zone: string) =>
    date ? toWallClock(date, zone).slice(0, 10) : "";

  const rows = practices.map((p) => {
    const row: IidRow = {
      "Nama Pemda": p.region.name,
      "Nama Inovasi": p.name,
      "Tahapan Inovasi": p.innovationStage ? STAGE[p.innovationStage] : "",
      "Inisiator Inovasi Daerah": p.innovationInitiator ? INITIATOR[p.innovationInitiator] : "",
      "Jenis Inovasi": p.innovationType ? TYPE[p.innovationType] : "",
      "Bentuk Inovasi Daerah": p.innovationForm ? FORM[p.innovationForm] : "",
      "Urusan Pemerintahan": p.governmentAffair ?? "",
      "Perangkat Daerah": p.organisation?.name ?? "",
      "Waktu Uji Coba Inovasi Daerah": day(p.project ? pilotedAt.get(p.project.id) : null, p.region.timeZone),
      "Waktu Penerapan Inovasi Daerah": day(p.project?.launchedAt, p.region.timeZone),
      "Rancang Bangun": [p.problem, p.solution].filter(Boolean).join("\n\n"),
      "Tujuan Inovasi Daerah": p.project?.objectives ?? p.summary ?? "",
      "Manfaat yang Diperoleh": p.project?.benefits ?? "",
      "Hasil Inovasi": p.results ?? "",
      "Bukti (tautan)": p.evidenceUrl ?? "",
      "Tautan Lintas": p.status === "PUBLISHED" ? `${appUrl}/katalog/${p.slug}` : "",
    };
    if (curatorGrants?.length) row.Status = p.status;
    return row;
  });
  return { regionName: region.name, rows };
}

export function innovationCsv(rows: IidRow[]) {
  const headers = rows.some((r) => r.Status) ? [...IID_COLUMNS, "Status"] : [...IID_COLUMNS];
  // headers even for an empty list, so the file opens with its columns
  const filled = rows.length
    ? rows.map((r) => Object.fromEntries(headers.map((h) => [h, r[h as keyof IidRow] ?? ""])))
    : [Object.fromEntries(headers.map((h) => [h, ""]))];
  const csv = recordsToCsv(filled);
  return rows.length ? csv : csv.split("\r\n")[0] + "\r\n";
}

/** XLSX: the rows on the first sheet, source and licence on the second. */
export async function innovationXlsx(
  rows: IidRow[],
  { regionName, appUrl }: { regionName: string; appUrl: string },
) {
  const headers = rows.some((r) => r.Status) ? [...IID_COLUMNS, "Status"] : [...IID_COLUMNS];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Lintas";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet("Inovasi Daerah");
  sheet.columns = headers.map((h) => ({ header: h, key: h, width: h.length < 20 ? 24 : 40 }));
  sheet.getRow(1).font = { bold: true };
  // every value as text: a cell starting with "=" stays text, never a formula
  for (const row of rows) sheet.addRow(headers.map((h) => String(row[h as keyof IidRow] ?? "")));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const about = workbook.addWorksheet("Keterangan");
  about.addRows([
    ["Sumber", `Lintas, ${appUrl}`],
    ["Wilayah", regionName],
    ["Dibuat", new Date().toISOString()],
    ["Lisensi", `${CONTENT_LICENCE.name} (${CONTENT_LICENCE.url})`],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
