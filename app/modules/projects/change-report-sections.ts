// The official change-project report (Laporan Aksi Perubahan) as a list of blocks: cover, approval
// sheet, then the chapters LAN participants hand in. Pure: the DOCX and the PDF are both drawn from
// these blocks, so they hold the same sections in the same order (docs/decisions/0057).
import type { TFunction } from "i18next";
import { checkInSchedule, describeRiskReason, type RiskReason } from "~/modules/projects/project-status";
import { formatDay, formatInstant } from "~/utils/format";
import { formatNumber } from "~/utils/numbers";

type Named = { name: string } | null;

/** What the report reads of a project (getProjectForUser's shape, numbers already plain). */
export type ReportProject = {
  title: string;
  acronym: string | null;
  kind: string;
  status: string;
  problem: string | null;
  evidence: string | null;
  objectives: string | null;
  benefits: string | null;
  locus: string | null;
  sector: string | null;
  startDate: Date | null;
  endDate: Date | null;
  approvedAt: Date | null;
  approvedById: string | null;
  launchedAt: Date | null;
  region: { code: string; name: string };
  organisation: { name: string } | null;
  cohort: { programme: string; batch: string; year: number; organiserName: string | null } | null;
  launchEvent: { title: string; date: Date; place: string | null; launchedBy: string | null } | null;
  leader: { id: string; name: string; position: string | null } | null;
  coach: { id: string; name: string } | null;
  mentor: { id: string; name: string } | null;
  members: { name: string; roleInTeam: string | null }[];
  assignments: { title: string; dueDate: Date | null; status: string; owner: Named }[];
  stakeholders: {
    name: string;
    influence: number;
    interest: number;
    internal: boolean;
    note: string | null;
  }[];
  milestones: {
    title: string;
    horizon: "SHORT" | "MEDIUM" | "LONG";
    status: string;
    dueDate: Date | null;
    owner: Named;
    evidenceUrl: string | null;
    evidenceFile: string | null;
    approvedAt: Date | null;
    approvedById: string | null;
    approvedBy: Named;
  }[];
  indicators: {
    name: string;
    unit: string;
    direction: "UP" | "DOWN";
    baseline: number | null;
    baselineYear: number | null;
    target: number | null;
    targetYear: number | null;
    measurements: { value: number; measuredAt: Date; periodLabel: string | null; source: string | null }[];
  }[];
  checkIns: { createdAt: Date; status: string; note: string; author: Named }[];
  riskReasons: RiskReason[];
};

export type Signer = { role: string; name: string; date: string };

export type ReportBlock =
  | { kind: "title"; text: string; size: "large" | "normal" }
  | { kind: "heading"; level: 1 | 2 | 3; text: string; pageBreak?: boolean }
  | { kind: "paragraph"; text: string }
  | { kind: "fields"; rows: { label: string; value: string }[] }
  | { kind: "table"; columns: string[]; rows: string[][] }
  | { kind: "list"; items: string[] }
  | { kind: "signatures"; columns: string[]; signers: Signer[] };

export type ChangeReport = {
  title: string;
  draft: boolean;
  /** "DRAF" on every page of a draft, null when approved */
  mark: string | null;
  blocks: ReportBlock[];
};

const HORIZONS = ["SHORT", "MEDIUM", "LONG"] as const;

/** Mendelow's grid on the 1-5 scales: 3 and up counts as high. */
export function stakeholderQuadrant(influence: number, interest: number) {
  if (influence >= 3) return interest >= 3 ? "manageClosely" : "keepSatisfied";
  return interest >= 3 ? "keepInformed" : "monitor";
}

export function buildChangeReport(
  project: ReportProject,
  {
    t,
    language,
    timeZone,
    now = new Date(),
    origin = "",
    approverName = null,
  }: {
    t: TFunction;
    language: string;
    timeZone: string;
    now?: Date;
    /** the site's address, to make evidence files links a reader can open */
    origin?: string;
    /** who approved the project (approvedById's name) */
    approverName?: string | null;
  },
): ChangeReport {
  const day = (value: Date | string | null | undefined) => formatDay(value, language, "UTC");
  const instant = (value: Date | string) => formatInstant(value, language, timeZone);
  const number = (value: number | null, unit?: string) =>
    value === null ? "—" : unit ? `${formatNumber(value, language)} ${unit}` : formatNumber(value, language);
  const draft = project.approvedAt === null;
  const blocks: ReportBlock[] = [];
  const fields = (rows: [string, string | null | undefined][]) =>
    blocks.push({
      kind: "fields",
      rows: rows.flatMap(([label, value]) => (value ? [{ label, value }] : [])),
    });
  const text = (value: string | null | undefined) =>
    blocks.push({ kind: "paragraph", text: value?.trim() || t("changeReport.none") });
  const heading = (level: 1 | 2 | 3, key: string, pageBreak = false) =>
    blocks.push({ kind: "heading", level, text: t(key), pageBreak });
  const programme = project.cohort
    ? `${t(`cohorts.programme.${project.cohort.programme}`)} ${project.cohort.batch} (${project.cohort.year})`
    : null;
  const title = project.acronym ? `${project.acronym}: ${project.title}` : project.title;

  // cover, as LAN's reports open: the document, the title, who wrote it, in which training
  blocks.push({ kind: "title", text: t("changeReport.documentTitle").toUpperCase(), size: "large" });
  blocks.push({ kind: "title", text: title, size: "large" });
  if (project.leader)
    blocks.push({ kind: "title", text: `${t("changeReport.by")}: ${project.leader.name}`, size: "normal" });
  if (project.leader?.position) blocks.push({ kind: "title", text: project.leader.position, size: "normal" });
  if (project.cohort)
    blocks.push({
      kind: "title",
      text: t("changeReport.participant", {
        programme: t(`cohorts.programme.${project.cohort.programme}`),
        batch: project.cohort.batch,
        year: project.cohort.year,
      }),
      size: "normal",
    });
  for (const line of [project.cohort?.organiserName, project.organisation?.name, project.region.name])
    if (line) blocks.push({ kind: "title", text: line, size: "normal" });
  if (draft) blocks.push({ kind: "paragraph", text: t("changeReport.draftNote") });

  // approval sheet: coach and mentor, each with the date they approved in Lintas
  heading(1, "changeReport.approvalSheet", true);
  fields([
    [t("changeReport.fields.title"), title],
    [t("changeReport.fields.leader"), project.leader?.name],
    [t("changeReport.fields.position"), project.leader?.position],
    [t("changeReport.fields.unit"), project.organisation?.name],
    [t("changeReport.fields.region"), `${project.region.name} (${project.region.code})`],
    [t("changeReport.fields.programme"), programme],
  ]);
  blocks.push({ kind: "paragraph", text: t("changeReport.approvalIntro") });
  const approvalOf = (person: { id: string; name: string } | null) => {
    if (!person) return t("changeReport.notApproved");
    if (project.approvedAt && project.approvedById === person.id)
      return t("changeReport.approvedPlan", { date: day(project.approvedAt) });
    const latest = project.milestones
      .filter((m) => m.approvedById === person.id && m.approvedAt)
      .map((m) => m.approvedAt!)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    return latest
      ? t("changeReport.approvedMilestone", { date: day(latest) })
      : t("changeReport.notApproved");
  };
  blocks.push({
    kind: "signatures",
    columns: [
      t("changeReport.role"),
      t("changeReport.name"),
      t("changeReport.approvalDate"),
      t("changeReport.signature"),
    ],
    signers: [
      {
        role: t("changeReport.coach"),
        name: project.coach?.name ?? t("changeReport.notAssigned"),
        date: approvalOf(project.coach),
      },
      {
        role: t("changeReport.mentor"),
        name: project.mentor?.name ?? t("changeReport.notAssigned"),
        date: approvalOf(project.mentor),
      },
    ],
  });
  heading(3, "changeReport.approvalHistory");
  const history = [
    ...(project.approvedAt
      ? [
          {
            at: project.approvedAt,
            text: t("changeReport.historyPlan", {
              date: instant(project.approvedAt),
              name: approverName ?? "—",
            }),
          },
        ]
      : []),
    ...project.milestones.flatMap((m) =>
      m.approvedAt
        ? [
            {
              at: m.approvedAt,
              text: t("changeReport.historyMilestone", {
                date: instant(m.approvedAt),
                name: m.approvedBy?.name ?? "—",
                title: m.title,
              }),
            },
          ]
        : [],
    ),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (history.length === 0) text(t("changeReport.noApprovals"));
  else blocks.push({ kind: "list", items: history.map((h) => h.text) });

  // BAB I: why, what, what for
  heading(1, "changeReport.chapter.introduction", true);
  heading(2, "changeReport.section.background");
  text(project.problem);
  if (project.evidence) text(project.evidence);
  heading(2, "changeReport.section.idea");
  fields([
    [t("changeReport.fields.title"), title],
    [t("projects.fields.kind"), t(`projects.kind.${project.kind}`)],
    [t("changeReport.fields.locus"), project.locus],
    [t("changeReport.fields.sector"), project.sector],
    [
      t("changeReport.fields.period"),
      project.startDate || project.endDate ? `${day(project.startDate)} – ${day(project.endDate)}` : null,
    ],
  ]);
  heading(2, "changeReport.section.objectives");
  text(project.objectives);
  heading(2, "changeReport.section.benefits");
  text(project.benefits);

  // BAB II: who, with whom, the steps and the measures
  heading(1, "changeReport.chapter.implementation", true);
  heading(2, "changeReport.section.team");
  fields([
    [t("changeReport.fields.projectLeader"), project.leader?.name],
    [t("changeReport.fields.coach"), project.coach?.name],
    [t("changeReport.fields.mentor"), project.mentor?.name],
  ]);
  if (project.members.length === 0) text(null);
  else
    blocks.push({
      kind: "table",
      columns: [t("changeReport.column.member"), t("changeReport.column.roleInTeam")],
      rows: project.members.map((m) => [m.name, m.roleInTeam ?? "—"]),
    });
  if (project.assignments.length > 0)
    blocks.push({
      kind: "table",
      columns: [
        t("changeReport.column.task"),
        t("changeReport.column.owner"),
        t("changeReport.column.due"),
        t("changeReport.column.status"),
      ],
      rows: project.assignments.map((a) => [
        a.title,
        a.owner?.name ?? "—",
        day(a.dueDate),
        t(`projects.workStatus.${a.status}`),
      ]),
    });

  heading(2, "changeReport.section.stakeholders");
  if (project.stakeholders.length === 0) text(null);
  else
    blocks.push({
      kind: "table",
      columns: [
        t("changeReport.column.stakeholder"),
        t("changeReport.column.influence"),
        t("changeReport.column.interest"),
        t("changeReport.column.quadrant"),
        t("changeReport.column.side"),
        t("changeReport.column.note"),
      ],
      rows: [...project.stakeholders]
        .sort((a, b) => b.influence + b.interest - (a.influence + a.interest))
        .map((s) => [
          s.name,
          number(s.influence),
          number(s.interest),
          t(`changeReport.quadrant.${stakeholderQuadrant(s.influence, s.interest)}`),
          s.internal ? t("changeReport.internal") : t("changeReport.external"),
          s.note ?? "—",
        ]),
    });

  heading(2, "changeReport.section.milestones");
  if (project.milestones.length === 0) text(null);
  for (const horizon of HORIZONS) {
    const milestones = project.milestones.filter((m) => m.horizon === horizon);
    if (milestones.length === 0) continue;
    blocks.push({ kind: "heading", level: 3, text: t(`projects.horizon.${horizon}`) });
    blocks.push({
      kind: "table",
      columns: [
        t("changeReport.column.milestone"),
        t("changeReport.column.due"),
        t("changeReport.column.status"),
        t("changeReport.column.owner"),
        t("changeReport.column.approval"),
      ],
      rows: milestones.map((m) => [
        m.title,
        day(m.dueDate),
        t(`projects.workStatus.${m.status}`),
        m.owner?.name ?? "—",
        m.approvedAt ? `${m.approvedBy?.name ?? "—"}, ${day(m.approvedAt)}` : "—",
      ]),
    });
  }
  heading(2, "changeReport.section.evidence");
  const evidence = project.milestones.flatMap((m) => [
    ...(m.evidenceUrl ? [t("changeReport.evidenceItem", { title: m.title, link: m.evidenceUrl })] : []),
    ...(m.evidenceFile
      ? [t("changeReport.evidenceItem", { title: m.title, link: `${origin}/bukti/${m.evidenceFile}` })]
      : []),
  ]);
  if (evidence.length === 0) text(t("changeReport.noEvidence"));
  else blocks.push({ kind: "list", items: evidence });

  heading(2, "changeReport.section.indicators");
  if (project.indicators.length === 0) text(null);
  for (const indicator of project.indicators) {
    blocks.push({
      kind: "heading",
      level: 3,
      text: t("changeReport.indicatorHeading", { name: indicator.name, unit: indicator.unit }),
    });
    const year = (value: number | null) => (value ? ` (${value})` : "");
    fields([
      [
        t("changeReport.direction"),
        indicator.direction === "UP" ? t("changeReport.higherBetter") : t("changeReport.lowerBetter"),
      ],
      [
        t("changeReport.baseline"),
        `${number(indicator.baseline, indicator.unit)}${year(indicator.baselineYear)}`,
      ],
      [
        t("changeReport.target"),
        indicator.target === null
          ? t("changeReport.noTarget")
          : `${number(indicator.target, indicator.unit)}${year(indicator.targetYear)}`,
      ],
    ]);
    if (indicator.measurements.length === 0) text(t("changeReport.noMeasurements"));
    else
      blocks.push({
        kind: "table",
        columns: [
          t("changeReport.column.period"),
          t("changeReport.column.value"),
          t("changeReport.column.source"),
        ],
        rows: indicator.measurements.map((m) => [
          m.periodLabel || day(m.measuredAt),
          number(m.value, indicator.unit),
          m.source ?? "—",
        ]),
      });
  }

  // BAB III: the launch and the check-ins after it, each window met only by a check-in inside it
  heading(1, "changeReport.chapter.launch", true);
  heading(2, "changeReport.section.launch");
  if (project.launchEvent)
    fields([
      [t("changeReport.launchTitle"), project.launchEvent.title],
      [t("changeReport.launchDate"), instant(project.launchEvent.date)],
      [t("changeReport.launchPlace"), project.launchEvent.place],
      [t("changeReport.launchedBy"), project.launchEvent.launchedBy],
    ]);
  else if (project.launchedAt) fields([[t("changeReport.launchDate"), instant(project.launchedAt)]]);
  else text(t("changeReport.notLaunched"));
  heading(2, "changeReport.section.followUp");
  const schedule = project.launchedAt ? checkInSchedule(project.launchedAt, project.checkIns, now) : null;
  if (schedule) {
    blocks.push({ kind: "paragraph", text: t("changeReport.windowRule") });
    blocks.push({
      kind: "table",
      columns: [
        t("changeReport.column.window"),
        t("changeReport.column.dueDate"),
        t("changeReport.column.state"),
        t("changeReport.column.checkIn"),
      ],
      rows: schedule.map((w) => [
        t("changeReport.windowMonths", { months: w.months }),
        day(w.due),
        t(`changeReport.windowState.${w.state}`),
        w.checkIn ? instant(w.checkIn.createdAt) : "—",
      ]),
    });
  } else text(t("changeReport.followUpBeforeLaunch"));
  if (project.checkIns.length > 0) {
    blocks.push({ kind: "heading", level: 3, text: t("changeReport.checkIns") });
    blocks.push({
      kind: "list",
      items: [...project.checkIns]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map(
          (c) =>
            `${instant(c.createdAt)}, ${t(`projects.checkInStatus.${c.status}`, { defaultValue: c.status })}` +
            `${c.author ? ` (${c.author.name})` : ""}: ${c.note}`,
        ),
    });
  }

  // BAB IV: the conclusion the numbers allow, written from the data
  heading(1, "changeReport.chapter.closing", true);
  heading(2, "changeReport.section.conclusion");
  const conclusion = [
    t("changeReport.conclusion.status", { status: t(`projects.status.${project.status}`) }),
  ];
  if (project.milestones.length > 0) {
    const isDone = (m: { status: string }) => m.status === "DONE";
    conclusion.push(
      t("changeReport.conclusion.milestones", {
        done: project.milestones.filter(isDone).length,
        total: project.milestones.length,
        byHorizon: HORIZONS.flatMap((h) => {
          const of = project.milestones.filter((m) => m.horizon === h);
          return of.length
            ? [
                t("changeReport.conclusion.horizonPart", {
                  horizon: t(`projects.horizon.${h}`),
                  done: of.filter(isDone).length,
                  total: of.length,
                }),
              ]
            : [];
        }).join(", "),
      }),
    );
  }
  for (const indicator of project.indicators) {
    const latest = indicator.measurements.at(-1);
    const values = {
      name: indicator.name,
      baseline: number(indicator.baseline, indicator.unit),
      target:
        indicator.target === null ? t("changeReport.noTarget") : number(indicator.target, indicator.unit),
    };
    conclusion.push(
      latest
        ? t("changeReport.conclusion.indicator", {
            ...values,
            latest: number(latest.value, indicator.unit),
            period: latest.periodLabel || day(latest.measuredAt),
          })
        : t("changeReport.conclusion.indicatorNoValue", values),
    );
  }
  if (schedule)
    conclusion.push(
      t("changeReport.conclusion.followUp", {
        states: schedule
          .map(
            (w) =>
              `${t("changeReport.windowMonths", { months: w.months })} ${t(`changeReport.windowState.${w.state}`).toLowerCase()}`,
          )
          .join(", "),
      }),
    );
  conclusion.push(
    project.riskReasons.length > 0
      ? t("changeReport.conclusion.atRisk", {
          reasons: project.riskReasons.map((r) => describeRiskReason(r, t, day)).join("; "),
        })
      : t("changeReport.conclusion.notAtRisk"),
  );
  for (const line of conclusion) blocks.push({ kind: "paragraph", text: line });
  blocks.push({ kind: "paragraph", text: t("changeReport.printed", { when: instant(now) }) });

  return {
    title: `${t("changeReport.documentTitle")}: ${title}`,
    draft,
    mark: draft ? t("changeReport.draft") : null,
    blocks,
  };
}
