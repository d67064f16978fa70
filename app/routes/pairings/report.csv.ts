import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import { requirePermission } from "~/auth/require-user.server";
import { recordsToCsv } from "~/utils/csv";
import { getPairingReport } from "~/modules/pairings/pairing-report.server";
import { reportPeriodSchema } from "~/modules/pairings/pairing-schemas";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// the pairing report's sessions as CSV (one row per session, then the totals), for the PMU's sheets
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "pairing:read");
  const submission = parseWithZod(new URL(request.url).searchParams, { schema: reportPeriodSchema });
  invariantResponse(submission.status === "success", "Bad period", { status: 400 });
  const report = await getPairingReport(scope, requireParam(params, "pairingId"), submission.value);
  invariantResponse(report, "Not found", { status: 404 });
  const { pairing, figures } = report;
  const rows: Record<string, string | number>[] = report.sessions.map((s) => ({
    pairing: pairing.topic,
    mentor_region: pairing.mentorRegion.name,
    mentee_region: pairing.menteeRegion.name,
    session: s.title,
    starts_at_utc: s.startsAt.toISOString(),
    status: s.status,
    minutes_mentor: s.minutes.mentor,
    minutes_mentee: s.minutes.mentee,
    minutes_other: s.minutes.other,
    people_mentor: s.people.mentor,
    people_mentee: s.people.mentee,
  }));
  rows.push({
    pairing: pairing.topic,
    mentor_region: pairing.mentorRegion.name,
    mentee_region: pairing.menteeRegion.name,
    session: `TOTAL held ${figures.held}/${figures.planned ?? ""}; commitments done ${figures.commitmentsDone}/${figures.commitments}, overdue ${figures.commitmentsOverdue}; lessons ${figures.lessons}`,
    starts_at_utc: "",
    status: "",
    minutes_mentor: figures.minutes.mentor,
    minutes_mentee: figures.minutes.mentee,
    minutes_other: figures.minutes.other,
    people_mentor: "",
    people_mentee: "",
  });
  return new Response(`\uFEFF${recordsToCsv(rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lintas-pasangan-${pairing.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
