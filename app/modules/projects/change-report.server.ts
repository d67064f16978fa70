// The official change-project report (Laporan Aksi Perubahan) for LAN: read once through the
// person's scope, built into blocks (change-report-sections.ts), drawn as an editable DOCX with
// `docx` and as a PDF with pdfkit from the same blocks. Always in Indonesian, the document's
// official language; a project nobody has approved yet comes out as a draft marked "DRAF".
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import PDFDocument from "pdfkit";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { fixedT } from "~/i18n/translate";
import {
  buildChangeReport,
  type ChangeReport,
  type ReportBlock,
} from "~/modules/projects/change-report-sections";
import { getProjectForUser } from "~/modules/projects/queries.server";

/** The report is handed to LAN in Indonesian whatever the reader's language. */
const REPORT_LANGUAGE = "id";

/** The report of one project if the person may read it; null otherwise (the route answers 404). */
export async function getChangeReportForUser(
  scope: Scope,
  projectId: string,
  { origin = "", now = new Date() }: { origin?: string; now?: Date } = {},
): Promise<{ report: ChangeReport; fileName: string } | null> {
  const project = await getProjectForUser(scope, projectId);
  if (!project) return null;
  const approver = project.approvedById
    ? await prisma.user.findUnique({ where: { id: project.approvedById }, select: { name: true } })
    : null;
  const timeZone = scope.user.timeZone ?? scope.user.region?.timeZone ?? project.region.timeZone;
  const report = buildChangeReport(
    {
      ...project,
      // plain numbers (Decimal in the database)
      indicators: project.indicators.map((indicator) => ({
        ...indicator,
        baseline: indicator.baseline === null ? null : Number(indicator.baseline),
        target: indicator.target === null ? null : Number(indicator.target),
        measurements: indicator.measurements.map((m) => ({ ...m, value: Number(m.value) })),
      })),
    },
    {
      t: fixedT(REPORT_LANGUAGE),
      language: REPORT_LANGUAGE,
      timeZone,
      now,
      origin,
      approverName: approver?.name ?? null,
    },
  );
  const name = (project.acronym ?? project.title)
    .normalize("NFKD")
    .replace(/[^\w-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return { report, fileName: `laporan-aksi-perubahan-${name || "proyek"}${report.draft ? "-draf" : ""}` };
}

// ───────────────────────────── DOCX ─────────────────────────────

const DOCX_HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };

function docxLines(text: string, options: { bold?: boolean; size?: number } = {}) {
  return text
    .split("\n")
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

function docxTable(columns: string[], rows: string[][], rowHeight?: number) {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: docxLines(text, { bold }) })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map(
        (row) =>
          new TableRow({
            children: row.map((c) => cell(c)),
            ...(rowHeight ? { height: { value: rowHeight, rule: "atLeast" as const } } : {}),
          }),
      ),
    ],
  });
}

function docxBlock(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 200 },
          children: docxLines(block.text, {
            bold: block.size === "large",
            size: block.size === "large" ? 32 : 24,
          }),
        }),
      ];
    case "heading":
      return [
        new Paragraph({
          heading: DOCX_HEADINGS[block.level],
          alignment: block.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          pageBreakBefore: block.pageBreak,
          children: [new TextRun(block.text)],
        }),
      ];
    case "paragraph":
      return [new Paragraph({ spacing: { after: 120 }, children: docxLines(block.text) })];
    case "fields":
      return block.rows.map(
        (row) =>
          new Paragraph({
            children: [new TextRun({ text: `${row.label}: `, bold: true }), ...docxLines(row.value)],
          }),
      );
    case "list":
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: docxLines(item) }));
    case "table":
      return [docxTable(block.columns, block.rows), new Paragraph({})];
    case "signatures":
      // the last column is left empty for the signature, tall enough to sign in (twips)
      return [
        docxTable(
          block.columns,
          block.signers.map((s) => [s.role, s.name, s.date, ""]),
          1200,
        ),
        new Paragraph({}),
      ];
  }
}

/** The report as an editable Word document; a draft carries "DRAF" in every page's header. */
export async function renderChangeReportDocx(report: ChangeReport): Promise<Buffer> {
  const doc = new Document({
    creator: "Lintas",
    title: report.title,
    sections: [
      {
        headers: report.mark
          ? {
              default: new Header({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "C00000", space: 1 } },
                    children: [new TextRun({ text: report.mark, bold: true, color: "C00000", size: 28 })],
                  }),
                ],
              }),
            }
          : undefined,
        children: report.blocks.flatMap(docxBlock),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ───────────────────────────── PDF ─────────────────────────────

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

/** The same report as a PDF (pdfkit's own Helvetica); a draft carries "DRAF" at the top of every page. */
export async function renderChangeReportPdf(
  report: ChangeReport,
  { compress = true }: { compress?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    compress,
    autoFirstPage: false,
    info: { Title: latin(report.title), Creator: "Lintas" },
    lang: REPORT_LANGUAGE,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  if (report.mark) {
    const mark = latin(report.mark);
    doc.on("pageAdded", () => {
      const { x, y } = doc;
      doc
        .font("Helvetica-Bold")
        .fontSize(14)
        .fillColor("#c00000")
        .text(mark, 56, 24, { width: doc.page.width - 112, align: "right", lineBreak: false });
      doc.fillColor("#000");
      doc.x = x;
      doc.y = y;
    });
  }
  doc.addPage();
  const write = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.font("Helvetica").fontSize(10.5).fillColor("#000").text(latin(text), options);

  for (const block of report.blocks) {
    switch (block.kind) {
      case "title":
        doc
          .font(block.size === "large" ? "Helvetica-Bold" : "Helvetica")
          .fontSize(block.size === "large" ? 16 : 12)
          .fillColor("#000")
          .text(latin(block.text), { align: "center" });
        doc.moveDown(0.6);
        break;
      case "heading":
        if (block.pageBreak) doc.addPage();
        else doc.moveDown(0.6);
        doc
          .font("Helvetica-Bold")
          .fontSize({ 1: 14, 2: 12, 3: 10.5 }[block.level])
          .fillColor("#000")
          .text(latin(block.text), { align: block.level === 1 ? "center" : "left" });
        doc.moveDown(0.3);
        break;
      case "paragraph":
        write(block.text);
        doc.moveDown(0.4);
        break;
      case "fields":
        for (const row of block.rows) {
          doc
            .font("Helvetica-Bold")
            .fontSize(10.5)
            .text(latin(`${row.label}: `), { continued: true });
          doc.font("Helvetica").text(latin(row.value));
        }
        doc.moveDown(0.4);
        break;
      case "list":
        for (const item of block.items) write(`- ${item}`, { indent: 10 });
        doc.moveDown(0.4);
        break;
      case "table":
      case "signatures": {
        const columns = block.columns;
        const rows =
          block.kind === "table" ? block.rows : block.signers.map((s) => [s.role, s.name, s.date, "\n\n\n"]);
        doc.font("Helvetica").fontSize(9);
        doc.table({
          data: [
            columns.map((c) => ({ text: latin(c), font: { src: "Helvetica-Bold" }, type: "TH" as const })),
            ...rows.map((row) => row.map((c) => latin(c))),
          ],
        });
        doc.x = doc.page.margins.left;
        doc.moveDown(0.6);
        break;
      }
    }
  }
  doc.end();
  return done;
}
