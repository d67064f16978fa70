// A change project as a PDF for the training report: what it is, who works on it, its milestones
// by horizon, its stakeholders and approvals, its indicators and measurements, its launch and
// check-ins. Built with pdfkit's own Helvetica (no font files); instants in the reader's zone with
// the zone named.
import PDFDocument from "pdfkit";
import { fixedT } from "~/i18n/translate";
import { describeRiskReason } from "~/modules/projects/project-status";
import { quadrantOf } from "~/modules/projects/stakeholder-quadrant";
import type { getProjectForUser } from "~/modules/projects/queries.server";
import { formatDay, formatInstant } from "~/utils/format";
import { formatNumber } from "~/utils/numbers";

type Project = NonNullable<Awaited<ReturnType<typeof getProjectForUser>>>;

const HORIZONS = ["SHORT", "MEDIUM", "LONG"] as const;

/** Helvetica covers Latin-1 (WinAnsi); anything else would print as garbage, so it is replaced. */
function latin(text: string) {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\u2192/g, "->")
    .replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff]/g, "?");
}

export async function renderProjectPdf(
  project: Project,
  {
    language,
    timeZone,
    now = new Date(),
    compress = true,
  }: {
    language: string;
    timeZone: string;
    now?: Date;
    /** false writes the page content uncompressed (readable in a text editor) */
    compress?: boolean;
  },
): Promise<Buffer> {
  const t = fixedT(language);
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    compress,
    info: {
      Title: latin(project.acronym ? `${project.acronym}: ${project.title}` : project.title),
      Creator: "Lintas",
    },
    lang: language,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const day = (value: Date | string | null | undefined) => formatDay(value, language, "UTC");
  const instant = (value: Date | string) => formatInstant(value, language, timeZone);
  const number = (value: number | null) => (value === null ? "-" : formatNumber(value, language));
  const write = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.font("Helvetica").fontSize(10).fillColor("#000").text(latin(text), options);
  const heading = (text: string) => {
    doc.moveDown(0.8);
    doc.font("Helvetica-Bold").fontSize(13).fillColor("#000").text(latin(text));
    doc.moveDown(0.2);
  };
  const subheading = (text: string) => {
    doc.moveDown(0.4);
    doc.font("Helvetica-Bold").fontSize(11).text(latin(text));
  };
  const field = (label: string, value: string | null | undefined) => {
    if (!value) return;
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(latin(`${label}: `), { continued: true });
    doc.font("Helvetica").text(latin(value));
  };
  const bullet = (text: string) => write(`- ${text}`, { indent: 10 });

  // title block
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor("#555")
    .text(latin(t("projectPdf.kicker")));
  doc.moveDown(0.3);
  doc.font("Helvetica-Bold").fontSize(18).fillColor("#000").text(latin(project.title));
  if (project.acronym) doc.font("Helvetica").fontSize(12).text(latin(project.acronym));
  doc.moveDown(0.5);
  field(t("projects.fields.kind"), t(`projects.kind.${project.kind}`));
  field(t("projects.fields.region"), `${project.region.name} (${project.region.code})`);
  field(t("projects.fields.organisation"), project.organisation?.name);
  field(
    t("projectPdf.cohort"),
    project.cohort
      ? `${t(`cohorts.programme.${project.cohort.programme}`)} ${project.cohort.batch} (${project.cohort.year})` +
          (project.cohort.organiserName ? `, ${project.cohort.organiserName}` : "")
      : null,
  );
  field(
    t("projects.launchStatus"),
    t(`projects.status.${project.status}`) + (project.atRisk ? ` (${t("projects.atRisk")})` : ""),
  );
  if (project.riskReasons.length > 0)
    field(
      t("projects.risk.reasons"),
      project.riskReasons.map((reason) => describeRiskReason(reason, t, day)).join("; "),
    );
  if (project.status === "STOPPED" && project.stopReason) field(t("projects.stopReason"), project.stopReason);
  field(t("projects.fields.sector"), project.sector);
  field(t("projects.fields.locus"), project.locus);
  if (project.startDate || project.endDate)
    field(t("projects.period"), `${day(project.startDate)} - ${day(project.endDate)}`);

  // what and why
  for (const [key, value] of [
    ["projects.fields.problem", project.problem],
    ["projects.fields.evidence", project.evidence],
    ["projects.fields.objectives", project.objectives],
    ["projects.fields.benefits", project.benefits],
  ] as const) {
    if (!value) continue;
    heading(t(key));
    write(value);
  }

  // people
  heading(t("projects.team"));
  field(t("projects.leader"), project.leader ? project.leader.name : null);
  field(t("projects.coach"), project.coach?.name);
  field(t("projects.mentor"), project.mentor?.name);
  if (project.members.length === 0) write(t("projectPdf.none"));
  for (const member of project.members) {
    bullet(member.roleInTeam ? `${member.name} - ${member.roleInTeam}` : member.name);
  }
  subheading(t("projects.assignments"));
  if (project.assignments.length === 0) write(t("projectPdf.none"));
  for (const assignment of project.assignments) {
    bullet(
      [
        assignment.title,
        assignment.owner?.name,
        assignment.dueDate ? `${t("projects.dueDate")} ${day(assignment.dueDate)}` : null,
        t(`projects.workStatus.${assignment.status}`),
      ]
        .filter(Boolean)
        .join(" | "),
    );
  }

  // the stakeholder map as a list: each with influence, interest and quadrant
  heading(t("projects.stakeholders"));
  if (project.stakeholders.length === 0) write(t("projectPdf.none"));
  for (const s of project.stakeholders) {
    bullet(
      [
        s.name,
        `${t("projects.influence")} ${s.influence}, ${t("projects.interest")} ${s.interest}`,
        t(`stakeholderQuadrant.${quadrantOf(s)}`),
        s.internal ? t("projects.internal") : t("projects.external"),
        s.note,
      ]
        .filter(Boolean)
        .join(" | "),
    );
  }

  // approvals: the proposal's, and each milestone's by the coach or mentor
  heading(t("projectPdf.approvals"));
  const approver = [project.coach, project.mentor].find((p) => p && p.id === project.approvedById);
  write(
    project.approvedAt
      ? t("projectPdf.projectApproved", { when: instant(project.approvedAt), name: approver?.name ?? "-" })
      : t("projectPdf.projectNotApproved"),
  );
  const approvedMilestones = project.milestones.filter((m) => m.approvedAt);
  subheading(t("projectPdf.milestoneApprovals"));
  if (approvedMilestones.length === 0) write(t("projectPdf.noMilestoneApprovals"));
  for (const m of approvedMilestones)
    bullet(
      `${m.title} | ${t("projects.approvedBy", { name: m.approvedBy?.name ?? "-" })} (${instant(m.approvedAt!)})`,
    );

  // milestones by horizon
  heading(t("projects.milestones"));
  if (project.milestones.length === 0) write(t("projects.noMilestones"));
  for (const horizon of HORIZONS) {
    const milestones = project.milestones.filter((m) => m.horizon === horizon);
    if (milestones.length === 0) continue;
    subheading(t(`projects.horizon.${horizon}`));
    for (const m of milestones) {
      bullet(
        [
          m.title,
          t(`projects.workStatus.${m.status}`),
          m.dueDate ? `${t("projects.dueDate")} ${day(m.dueDate)}` : null,
          m.owner?.name,
          m.approvedBy && m.approvedAt
            ? `${t("projects.approvedBy", { name: m.approvedBy.name })} (${instant(m.approvedAt)})`
            : null,
        ]
          .filter(Boolean)
          .join(" | "),
      );
    }
  }

  // indicators
  heading(t("projects.tab.indicators"));
  if (project.indicators.length === 0) write(t("indicators.none"));
  for (const indicator of project.indicators) {
    subheading(`${indicator.name} (${indicator.unit})`);
    write(
      [
        indicator.direction === "UP" ? t("indicators.higherBetter") : t("indicators.lowerBetter"),
        `${t("indicators.baseline")}: ${number(indicator.baseline)}${indicator.baselineYear ? ` (${indicator.baselineYear})` : ""}`,
        `${t("indicators.target")}: ${number(indicator.target)}${indicator.targetYear ? ` (${indicator.targetYear})` : ""}`,
      ].join(" | "),
    );
    for (const m of indicator.measurements) {
      bullet(
        [
          m.periodLabel || day(m.measuredAt),
          `${number(m.value)} ${indicator.unit}`,
          m.source ? `${t("indicators.source")}: ${m.source}` : null,
        ]
          .filter(Boolean)
          .join(" | "),
      );
    }
  }

  // launch and after
  heading(t("projectPdf.launchAndAfter"));
  if (project.launchEvent) {
    field(t("projects.launchEvent"), project.launchEvent.title);
    field(t("projects.launchDate"), instant(project.launchEvent.date));
    field(t("projects.launchPlace"), project.launchEvent.place);
    field(t("projects.launchedByField"), project.launchEvent.launchedBy);
  } else if (project.launchedAt) {
    field(t("projects.launchDate"), instant(project.launchedAt));
  } else {
    write(t("projectPdf.notLaunched"));
  }
  subheading(t("projects.checkIns"));
  if (project.checkIns.length === 0) write(t("projects.noCheckIns"));
  for (const checkIn of project.checkIns) {
    const state = t(`projects.checkInStatus.${checkIn.status}`, { defaultValue: checkIn.status });
    bullet(`${instant(checkIn.createdAt)} | ${state}${checkIn.author ? ` | ${checkIn.author.name}` : ""}`);
    write(checkIn.note, { indent: 20 });
  }

  doc.moveDown(1.5);
  doc
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#555")
    .text(latin(t("projectPdf.printed", { when: instant(now) })));
  doc.end();
  return done;
}
