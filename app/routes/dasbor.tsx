import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { BarChart } from "~/components/bar-chart";
import { getDashboard } from "~/models/dashboard.server";
import { formatDay } from "~/utils/format";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "nav.dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "app:use");
  return {
    user: { name: user.name, roles: user.memberships.map((m) => m.role), region: user.region?.name ?? null },
    dashboard: await getDashboard(user),
  };
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const { user, dashboard } = useLoaderData<typeof loader>();
  const projectsTotal = dashboard.projectsByStatus.reduce((s, r) => s + r.count, 0);
  const pairingsTotal = dashboard.pairingsByStatus.reduce((s, r) => s + r.count, 0);
  return (
    <main>
      <h1>{t("dashboard.greeting", { name: user.name })}</h1>
      <p className="muted">
        {user.roles.map((r) => t(`roles.${r}`)).join(", ")}
        {user.region ? ` · ${user.region}` : ""}
      </p>
      <ul className="stat-list">
        <li>
          <Link to="/proyek">
            <strong>{projectsTotal}</strong> {t("dashboard.projectsInScope")}
          </Link>
        </li>
        <li>
          <Link to="/proyek?berisiko=1">
            <strong>{dashboard.atRisk.length}</strong> {t("dashboard.atRisk")}
          </Link>
        </li>
        <li>
          <Link to="/pasangan">
            <strong>{pairingsTotal}</strong> {t("dashboard.pairings")}
          </Link>
        </li>
        <li>
          <strong>
            {dashboard.sessions.held} / {dashboard.sessions.planned}
          </strong>{" "}
          {t("dashboard.sessionsHeld")}
        </li>
        <li>
          <strong>
            {dashboard.commitments.done} / {dashboard.commitments.total}
          </strong>{" "}
          {t("dashboard.commitmentsDone", { overdue: dashboard.commitments.overdue })}
        </li>
      </ul>
      <div className="two-columns">
        {projectsTotal > 0 ? (
          <BarChart
            title={t("dashboard.projectsByStatus")}
            rows={dashboard.projectsByStatus.map((r) => ({
              label: t(`projects.status.${r.status}`),
              value: r.count,
            }))}
          />
        ) : null}
        {pairingsTotal > 0 ? (
          <BarChart
            title={t("dashboard.pairingsByStatus")}
            rows={dashboard.pairingsByStatus.map((r) => ({
              label: t(`pairings.status.${r.status}`),
              value: r.count,
            }))}
          />
        ) : null}
      </div>
      {dashboard.atRisk.length > 0 ? (
        <section aria-labelledby="risk-heading">
          <h2 id="risk-heading">{t("dashboard.atRiskHeading")}</h2>
          <ul>
            {dashboard.atRisk.map((p) => (
              <li key={p.id}>
                <Link to={`/proyek/${p.id}`}>{p.title}</Link> · {p.region} ·{" "}
                {t(`projects.status.${p.status}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {dashboard.dueThisMonth.length > 0 ? (
        <section aria-labelledby="due-heading">
          <h2 id="due-heading">{t("dashboard.dueThisMonth")}</h2>
          <ul>
            {dashboard.dueThisMonth.map((m) => (
              <li key={m.id}>
                {formatDay(m.dueDate, i18n.language)} ·{" "}
                <Link to={`/proyek/${m.project.id}/tonggak`}>{m.project.acronym ?? m.project.title}</Link>:{" "}
                {m.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {dashboard.needsAttention.length > 0 ? (
        <section aria-labelledby="attention-heading">
          <h2 id="attention-heading">{t("dashboard.needsAttention")}</h2>
          <ul>
            {dashboard.needsAttention.map((p) => (
              <li key={p.id}>
                <Link to={`/pasangan/${p.id}`}>{p.topic}</Link> ({p.regions}):{" "}
                {p.reasons.map((r) => t(r)).join("; ")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
