// Curating the catalogue: a facilitator curates any practice, a region officer their region's
// (action "practice:curate"). Practices start as drafts, often prefilled from an implemented or
// sustained change project or from a published lesson, and are published, unpublished or archived.
import type { Grant } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { PublicationStatus } from "~/generated/prisma/enums";
import { logActivity } from "~/modules/accounts/activity.server";
import { invalidateCatalogVocabulary } from "~/modules/catalogue/catalog-search.server";
import type { PracticeInput } from "~/modules/catalogue/practice-schemas";
import { ConflictError, OutOfScopeError } from "~/errors";
import { publicIndicatorSelect } from "~/modules/projects/indicator-values.server";
import { formatNumber } from "~/utils/numbers";

/** Project statuses a practice may be derived from. */
export const PRACTICE_SOURCE_STATUSES = ["IMPLEMENTED", "SUSTAINED"] as const;

/** Slugs that are pages of their own under /katalog/. */
const RESERVED_SLUGS = new Set(["baru", "kelola", "feed", "feed.atom"]);

export class PracticeIncompleteError extends Error {
  constructor(readonly missing: string[]) {
    super(`missing ${missing.join(", ")}`);
  }
}

/** The practices a curator's grants cover. */
export function practiceWhere(grants: Grant[]): Prisma.PracticeWhereInput {
  const or: Prisma.PracticeWhereInput[] = [];
  for (const grant of grants) {
    if (grant.scope === "all") return {};
    if (!grant.regionCode) continue;
    if (grant.scope === "region") or.push({ regionCode: grant.regionCode });
    if (grant.scope === "province")
      or.push({ regionCode: grant.regionCode }, { region: { provinceCode: grant.regionCode } });
  }
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

/** Whether a curator may place a practice in this region. */
async function mayCurateRegion(grants: Grant[], regionCode: string) {
  if (grants.some((g) => g.scope === "all")) return true;
  const region = await prisma.region.findUnique({
    where: { code: regionCode },
    select: { provinceCode: true },
  });
  if (!region) return false;
  return grants.some(
    (g) =>
      g.regionCode &&
      (g.regionCode === regionCode || (g.scope === "province" && g.regionCode === region.provinceCode)),
  );
}

export async function listPracticesForCurator({ grants }: Scope) {
  const where = practiceWhere(grants);
  const [practices, projects] = await Promise.all([
    prisma.practice.findMany({
      where,
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
      take: 300,
      select: {
        id: true,
        slug: true,
        name: true,
        status: true,
        maturity: true,
        updatedAt: true,
        region: { select: { code: true, name: true, timeZone: true } },
      },
    }),
    // implemented or sustained projects in scope that have no practice yet
    prisma.changeProject.findMany({
      where: {
        AND: [
          { status: { in: [...PRACTICE_SOURCE_STATUSES] }, practices: { none: {} } },
          regionFilter(grants),
        ],
      },
      orderBy: { updatedAt: "desc" },
      take: 50,
      select: { id: true, title: true, acronym: true, status: true, region: { select: { name: true } } },
    }),
  ]);
  return { practices, projects };
}

function regionFilter(grants: Grant[]): Prisma.ChangeProjectWhereInput {
  const where = practiceWhere(grants);
  return where as Prisma.ChangeProjectWhereInput;
}

const curationSelect = {
  id: true,
  slug: true,
  name: true,
  summary: true,
  status: true,
  regionCode: true,
  projectId: true,
  sector: true,
  spmField: true,
  tags: true,
  problem: true,
  solution: true,
  results: true,
  cost: true,
  resources: true,
  maturity: true,
  startedYear: true,
  contactName: true,
  contactEmail: true,
  mediaUrl: true,
  innovationForm: true,
  innovationType: true,
  innovationInitiator: true,
  innovationStage: true,
  governmentAffair: true,
  evidenceUrl: true,
  publishedAt: true,
  updatedAt: true,
  region: { select: { code: true, name: true, timeZone: true } },
  organisation: { select: { name: true } },
  project: { select: { id: true, title: true } },
  lessons: { select: { id: true } },
} satisfies Prisma.PracticeSelect;

export async function getPracticeForCuration({ grants }: Scope, id: string) {
  return prisma.practice.findFirst({
    where: { AND: [{ id }, practiceWhere(grants)] },
    select: curationSelect,
  });
}

/** The form's values for an existing practice (strings, as the form holds them). */
export function practiceFormValues(
  practice: NonNullable<Awaited<ReturnType<typeof getPracticeForCuration>>>,
) {
  return {
    name: practice.name,
    summary: practice.summary ?? "",
    regionCode: practice.region.code,
    organisationName: practice.organisation?.name ?? "",
    projectId: practice.projectId ?? "",
    sector: practice.sector ?? "",
    spmField: practice.spmField ?? "",
    tags: practice.tags.join(", "),
    problem: practice.problem ?? "",
    solution: practice.solution ?? "",
    results: practice.results ?? "",
    cost: practice.cost ?? "",
    resources: practice.resources ?? "",
    maturity: practice.maturity,
    startedYear: practice.startedYear ? String(practice.startedYear) : "",
    contactName: practice.contactName ?? "",
    contactEmail: practice.contactEmail ?? "",
    mediaUrl: practice.mediaUrl ?? "",
    innovationForm: practice.innovationForm ?? "",
    innovationType: practice.innovationType ?? "",
    innovationInitiator: practice.innovationInitiator ?? "",
    innovationStage: practice.innovationStage ?? "",
    governmentAffair: practice.governmentAffair ?? "",
    evidenceUrl: practice.evidenceUrl ?? "",
    lessonIds: practice.lessons.map((l) => l.id),
    loadedAt: practice.updatedAt.toISOString(),
  };
}

type Indicator = {
  name: string;
  unit: string;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  targetYear: number | null;
  measurements: { value: number; measuredAt: Date; periodLabel: string | null }[];
};

/** "Name: 12 % (2016) → 48 % (2019); target 60 % (2020)" per indicator, one a line. */
export function resultsFromIndicators(indicators: Indicator[]) {
  const n = (value: number) => formatNumber(value, "id");
  return indicators
    .map((i) => {
      const latest = i.measurements.at(-1);
      const parts = [
        i.baseline !== null
          ? `${n(i.baseline)} ${i.unit}${i.baselineYear ? ` (${i.baselineYear})` : ""}`
          : null,
        latest
          ? `${n(latest.value)} ${i.unit} (${latest.periodLabel ?? latest.measuredAt.getUTCFullYear()})`
          : null,
      ].filter(Boolean);
      const target =
        i.target !== null
          ? `; target ${n(i.target)} ${i.unit}${i.targetYear ? ` (${i.targetYear})` : ""}`
          : "";
      return parts.length ? `${i.name}: ${parts.join(" → ")}${target}` : null;
    })
    .filter(Boolean)
    .join("\n");
}

/** Form values for a new practice from an implemented or sustained project in the curator's scope. */
export async function prefillFromProject({ grants }: Scope, projectId: string) {
  const project = await prisma.changeProject.findFirst({
    where: { AND: [{ id: projectId, status: { in: [...PRACTICE_SOURCE_STATUSES] } }, regionFilter(grants)] },
    select: {
      id: true,
      title: true,
      acronym: true,
      status: true,
      sector: true,
      spmField: true,
      problem: true,
      objectives: true,
      startDate: true,
      launchedAt: true,
      regionCode: true,
      organisation: { select: { name: true } },
      indicators: publicIndicatorSelect,
    },
  });
  if (!project) return null;
  const started = project.startDate ?? project.launchedAt;
  return {
    name: project.acronym ? `${project.title} (${project.acronym})` : project.title,
    summary: project.objectives ?? "",
    regionCode: project.regionCode,
    organisationName: project.organisation?.name ?? "",
    projectId: project.id,
    sector: project.sector ?? "",
    spmField: project.spmField ?? "",
    problem: project.problem ?? "",
    results: resultsFromIndicators(
      project.indicators.map((i) => ({
        ...i,
        baseline: i.baseline === null ? null : Number(i.baseline),
        target: i.target === null ? null : Number(i.target),
        measurements: i.measurements.map((m) => ({ ...m, value: Number(m.value) })),
      })),
    ),
    maturity: project.status,
    startedYear: started ? String(started.getUTCFullYear()) : "",
    innovationStage: "IMPLEMENTATION",
  };
}

/** Form values for a new practice from a published lesson (its region, title and summary). */
export async function prefillFromLesson({ grants }: Scope, slug: string) {
  const lesson = await prisma.lesson.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true,
      title: true,
      summary: true,
      sector: true,
      tags: true,
      regionCode: true,
      pairing: { select: { mentorRegionCode: true } },
    },
  });
  const regionCode = lesson?.pairing?.mentorRegionCode ?? lesson?.regionCode;
  if (!lesson || !regionCode || !(await mayCurateRegion(grants, regionCode))) return null;
  return {
    name: lesson.title,
    summary: lesson.summary ?? "",
    regionCode,
    sector: lesson.sector ?? "",
    tags: lesson.tags.join(", "),
    maturity: "IMPLEMENTED",
    lessonIds: [lesson.id],
  };
}

/** Published lessons a practice of this region may cite: the region's own and its pairings'. */
export async function lessonsForRegion(regionCode: string) {
  return prisma.lesson.findMany({
    where: {
      status: "PUBLISHED",
      OR: [
        { regionCode },
        { pairing: { mentorRegionCode: regionCode } },
        { pairing: { menteeRegionCode: regionCode } },
      ],
    },
    orderBy: { publishedAt: "desc" },
    take: 50,
    select: { id: true, title: true },
  });
}

export function slugify(text: string) {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

async function freeSlug(name: string, regionName: string) {
  const base = slugify(`${name} ${regionName}`) || "praktik";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (RESERVED_SLUGS.has(slug)) continue;
    if (!(await prisma.practice.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

async function practiceData(input: PracticeInput, tx: Prisma.TransactionClient) {
  const organisationName = input.organisationName?.trim();
  const organisation = organisationName
    ? ((await tx.organisation.findUnique({
        where: { regionCode_name: { regionCode: input.regionCode, name: organisationName } },
        select: { id: true },
      })) ??
      (await tx.organisation.create({
        data: { name: organisationName, regionCode: input.regionCode, type: "AGENCY" },
        select: { id: true },
      })))
    : null;
  const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    name: input.name,
    summary: blank(input.summary),
    regionCode: input.regionCode,
    organisationId: organisation?.id ?? null,
    sector: blank(input.sector),
    spmField: input.spmField ?? null,
    tags: [
      ...new Set(
        (input.tags ?? "")
          .split(/[,;\n]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ].slice(0, 20),
    problem: blank(input.problem),
    solution: blank(input.solution),
    results: blank(input.results),
    cost: blank(input.cost),
    resources: blank(input.resources),
    maturity: input.maturity,
    startedYear: input.startedYear ?? null,
    contactName: blank(input.contactName),
    contactEmail: blank(input.contactEmail)?.toLowerCase() ?? null,
    mediaUrl: blank(input.mediaUrl),
    innovationForm: input.innovationForm ?? null,
    innovationType: input.innovationType ?? null,
    innovationInitiator: input.innovationInitiator ?? null,
    innovationStage: input.innovationStage ?? null,
    governmentAffair: blank(input.governmentAffair),
    evidenceUrl: blank(input.evidenceUrl),
  };
}

/** Only published lessons the region may cite can be linked. */
async function allowedLessonIds(regionCode: string, ids: string[] | undefined) {
  if (!ids?.length) return [];
  const allowed = new Set((await lessonsForRegion(regionCode)).map((l) => l.id));
  return ids.filter((id) => allowed.has(id));
}

/** A new draft; from a project only when that project is implemented/sustained and in scope. */
export async function createPractice({ user, grants }: Scope, input: PracticeInput) {
  if (!(await mayCurateRegion(grants, input.regionCode))) throw new OutOfScopeError("region");
  const projectId = input.projectId?.trim() || null;
  if (projectId) {
    const project = await prisma.changeProject.findFirst({
      where: {
        AND: [{ id: projectId, status: { in: [...PRACTICE_SOURCE_STATUSES] } }, regionFilter(grants)],
      },
      select: { id: true },
    });
    if (!project) throw new OutOfScopeError("project");
  }
  const region = await prisma.region.findUniqueOrThrow({
    where: { code: input.regionCode },
    select: { name: true },
  });
  const slug = await freeSlug(input.name, region.name);
  const lessonIds = await allowedLessonIds(input.regionCode, input.lessonIds);
  const practice = await prisma.$transaction(async (tx) => {
    const created = await tx.practice.create({
      data: {
        ...(await practiceData(input, tx)),
        slug,
        projectId,
        status: "DRAFT",
        lessons: { connect: lessonIds.map((id) => ({ id })) },
      },
      select: { id: true, slug: true },
    });
    await logActivity(
      { actorId: user.id, action: "practice.created", subjectType: "Practice", subjectId: created.id },
      tx,
    );
    return created;
  });
  return practice;
}

export async function updatePractice({ user, grants }: Scope, id: string, input: PracticeInput) {
  const current = await prisma.practice.findFirst({
    where: { AND: [{ id }, practiceWhere(grants)] },
    select: { id: true, updatedAt: true, status: true },
  });
  if (!current) throw new OutOfScopeError("practice");
  if (!(await mayCurateRegion(grants, input.regionCode))) throw new OutOfScopeError("region");
  if (input.loadedAt && input.loadedAt !== current.updatedAt.toISOString()) throw new ConflictError("stale");
  const lessonIds = await allowedLessonIds(input.regionCode, input.lessonIds);
  await prisma.$transaction(async (tx) => {
    // the compare-and-set: nobody saved in between
    const { count } = await tx.practice.updateMany({
      where: { id, updatedAt: current.updatedAt },
      data: await practiceData(input, tx),
    });
    if (count === 0) throw new ConflictError("stale");
    await tx.practice.update({
      where: { id },
      data: { lessons: { set: lessonIds.map((lessonId) => ({ id: lessonId })) } },
    });
    await logActivity(
      { actorId: user.id, action: "practice.updated", subjectType: "Practice", subjectId: id },
      tx,
    );
  });
  if (current.status === "PUBLISHED") invalidateCatalogVocabulary();
}

/** What a practice needs before the public sees it. */
const NEEDED_TO_PUBLISH = ["summary", "problem", "solution"] as const;

export async function setPracticeStatus({ user, grants }: Scope, id: string, status: PublicationStatus) {
  const practice = await prisma.practice.findFirst({
    where: { AND: [{ id }, practiceWhere(grants)] },
    select: { id: true, status: true, publishedAt: true, summary: true, problem: true, solution: true },
  });
  if (!practice) throw new OutOfScopeError("practice");
  if (status === "PUBLISHED") {
    const missing = NEEDED_TO_PUBLISH.filter((key) => !practice[key]?.trim());
    if (missing.length) throw new PracticeIncompleteError(missing);
  }
  await prisma.$transaction(async (tx) => {
    await tx.practice.update({
      where: { id },
      data: {
        status,
        ...(status === "PUBLISHED" && !practice.publishedAt ? { publishedAt: new Date() } : {}),
      },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "practice.status_changed",
        subjectType: "Practice",
        subjectId: id,
        data: { from: practice.status, to: status },
      },
      tx,
    );
  });
  invalidateCatalogVocabulary();
}
