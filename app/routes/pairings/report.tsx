// A pairing's printable report for the PMU's programme report, for a period; the same figures
// per session as CSV at /pasangan/:id/laporan.csv.
import { parseWithZod } from "@conform-to/zod";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { ReplicationTables } from "~/components/replication-section";
import { getPairingReport } from "~/modules/pairings/pairing-report.server";
import { reportPeriodSchema } from "~/modules/pairings/pairing-schemas";
import { formatDay, formatInstant, formatNumber } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";
import { abbreviationForIanaZone } from "~/utils/time-zones";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.pairing.topic} · Lintas` : "Lintas" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "pairing:read");
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: reportPeriodSchema });
  const period = submission.status === "success" ? submission.value : {};
  const report = await getPairingReport(scope, requireParam(params, "pairingId"), period);
  invariantResponse(report, "Not found", { status: 404 });
  return {
    report,
    values: { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" },
    errors: submission.status === "error" ? submission.error : null,
    csvQuery: new URLSearchParams(
      Object.entries(period).filter((e): e is [string, string] => Boolean(e[1])),
    ).toString(),
  };
}

export default function PairingReportPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { report, values, errors, csvQuery } = useLoaderData<typeof loader>();
  const { pairing, figures } = report;
  const zone = abbreviationForIanaZone(report.period.zone) ?? report.period.zone;
  const fieldError = (name: string) => errors?.[name]?.map((key) => t(key)).join(" ");
  const sides = [
    { key: "mentor", label: t("pairings.side.MENTOR"), region: pairing.mentorRegion },
    { key: "mentee", label: t("pairings.side.MENTEE"), region: pairing.menteeRegion },
  ] as const;
  return (
    <main className="report">
      <p className="muted actions">
        <Link to={`/pasangan/${pairing.id}`}>{pairing.topic}</Link>
      </p>
      <h1>{t("pairingReport.title", { topic: pairing.topic })}</h1>
      <p>
        {pairing.mentorRegion.name} → {pairing.menteeRegion.name}
        {pairing.facilitator ? ` · ${pairing.facilitator}` : ""}
        {pairing.supportingProgramme ? ` (${pairing.supportingProgramme})` : ""} ·{" "}
        {t(`pairings.status.${pairing.status}`)}
      </p>
      <p>
        {t("pairingReport.period")}:{" "}
        {report.period.from || report.period.to
          ? `${report.period.from ? formatDay(report.period.from, lng) : "…"} – ${
              report.period.to ? formatDay(report.period.to, lng) : "…"
            } (${zone})`
          : t("pairingReport.wholePairing")}
      </p>

      <Form method="get" className="inline-fields" aria-label={t("pairingReport.filter")}>
        <div className="field">
          <label htmlFor="from">{t("pairingReport.from")}</label>
          <input id="from" name="from" type="date" defaultValue={values.from} />
          {fieldError("from") ? <p className="field-errors">{fieldError("from")}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="to">{t("pairingReport.to")}</label>
          <input id="to" name="to" type="date" defaultValue={values.to} />
          {fieldError("to") ? <p className="field-errors">{fieldError("to")}</p> : null}
        </div>
        <button type="submit" className="button">
          {t("pairingReport.show")}
        </button>
        <a
          className="button"
          href={`/pasangan/${pairing.id}/laporan.csv${csvQuery ? `?${csvQuery}` : ""}`}
          download
        >
          {t("pairingReport.csv")}
        </a>
      </Form>
      <p className="muted actions">{t("pairingReport.printHint")}</p>

      <section aria-labelledby="report-goals">
        <h2 id="report-goals">{t("pairings.goals")}</h2>
        {pairing.goals ? <p className="prose">{pairing.goals}</p> : <p>—</p>}
        <dl className="facts">
          <dt>{t("pairings.method")}</dt>
          <dd>{t(`pairings.methods.${pairing.method}`)}</dd>
          <dt>{t("pairings.period")}</dt>
          <dd>
            {formatDay(pairing.periodStart, lng)} – {formatDay(pairing.periodEnd, lng)}
          </dd>
          {pairing.sector ? (
            <>
              <dt>{t("projects.fields.sector")}</dt>
              <dd>{pairing.sector}</dd>
            </>
          ) : null}
          {pairing.practice ? (
            <>
              <dt>{t("pairingReport.practice")}</dt>
              <dd>{pairing.practice.name}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="report-figures">
        <h2 id="report-figures">{t("pairingReport.figures")}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t("pairingReport.sessionsHeld")}</th>
              <td data-figure="held">
                {formatNumber(figures.held, lng)} /{" "}
                {figures.planned === null ? "—" : formatNumber(figures.planned, lng)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t("pairingReport.sessionsScheduled")}</th>
              <td data-figure="scheduled">{formatNumber(figures.scheduled, lng)}</td>
            </tr>
            <tr>
              <th scope="row">{t("pairingReport.sessionsCancelled")}</th>
              <td data-figure="cancelled">{formatNumber(figures.cancelled, lng)}</td>
            </tr>
            {sides.map((s) => (
              <tr key={s.key}>
                <th scope="row">{t("pairingReport.minutesOf", { side: s.label, region: s.region.name })}</th>
                <td data-figure={`minutes-${s.key}`}>{formatNumber(figures.minutes[s.key], lng)}</td>
              </tr>
            ))}
            {figures.minutes.other > 0 ? (
              <tr>
                <th scope="row">{t("pairingReport.minutesOther")}</th>
                <td data-figure="minutes-other">{formatNumber(figures.minutes.other, lng)}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">{t("pairingReport.commitmentsDone")}</th>
              <td data-figure="commitments-done">
                {formatNumber(figures.commitmentsDone, lng)} / {formatNumber(figures.commitments, lng)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t("pairingReport.commitmentsOverdue")}</th>
              <td data-figure="commitments-overdue">{formatNumber(figures.commitmentsOverdue, lng)}</td>
            </tr>
            <tr>
              <th scope="row">{t("pairingReport.lessons")}</th>
              <td data-figure="lessons">{formatNumber(figures.lessons, lng)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-sessions">
        <h2 id="report-sessions">{t("pairings.sessions")}</h2>
        {report.sessions.length === 0 ? (
          <p>{t("pairings.noSessions")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("pairingReport.session")}</th>
                <th scope="col">{t("pairingReport.when")}</th>
                <th scope="col">{t("admin.status")}</th>
                {sides.map((s) => (
                  <th scope="col" key={s.key}>
                    {t("pairingReport.minutesShort", { region: s.region.name })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.sessions.map((s) => (
                <tr key={s.id}>
                  <td>{s.title}</td>
                  <td>{formatInstant(s.startsAt, lng, pairing.menteeRegion.timeZone)}</td>
                  <td>{t(`sessions.status.${s.status}`)}</td>
                  {sides.map((side) => (
                    <td key={side.key}>
                      {formatNumber(s.minutes[side.key], lng)} (
                      {t("pairingReport.people", { count: s.people[side.key] })})
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-commitments">
        <h2 id="report-commitments">{t("pairings.commitments")}</h2>
        {report.commitments.length === 0 ? (
          <p>—</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("pairings.commitment")}</th>
                <th scope="col">{t("pairings.sideLabel")}</th>
                <th scope="col">{t("projects.dueDate")}</th>
                <th scope="col">{t("admin.status")}</th>
              </tr>
            </thead>
            <tbody>
              {report.commitments.map((c) => (
                <tr key={c.id}>
                  <td>{c.title}</td>
                  <td>{t(`pairings.side.${c.side}`)}</td>
                  <td>{formatDay(c.dueDate, lng)}</td>
                  <td>
                    {t(`projects.workStatus.${c.status}`)}
                    {c.overdue ? <strong> · {t("pairingReport.overdue")}</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-lessons">
        <h2 id="report-lessons">{t("pairings.lessons")}</h2>
        {report.lessons.length === 0 ? <p>—</p> : null}
        <ul>
          {report.lessons.map((l) => (
            <li key={l.slug}>
              <Link to={`/pelajaran/${l.slug}`}>{l.title}</Link>
              {l.summary ? <span className="muted"> · {l.summary}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="report-replication">
        <h2 id="report-replication">{t("replication.title")}</h2>
        <ReplicationTables record={report.replication} />
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
