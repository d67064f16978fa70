import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { PAIRING_STATUSES } from "~/models/pairing-schemas";
import { listPairingsForUser } from "~/models/pairing.server";
import { formatDay } from "~/utils/format";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "pairings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "pairing:read");
  const params = new URL(request.url).searchParams;
  const statusParam = params.get("status") ?? "";
  const status = (PAIRING_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as (typeof PAIRING_STATUSES)[number])
    : undefined;
  const q = params.get("q")?.trim().slice(0, 100) ?? "";
  const pairings = await listPairingsForUser(scope, { status, q: q || undefined });
  return {
    pairings,
    filters: { status: status ?? "", q },
    canCreate: can(scope.user.memberships, "pairing:create"),
  };
}

export default function Pairings() {
  const { t, i18n } = useTranslation();
  const { pairings, filters, canCreate } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("pairings.title")}</h1>
      {canCreate ? (
        <p>
          <Link to="/pasangan/baru" className="button primary">
            {t("pairings.new")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="inline-form" aria-label={t("projects.filters")}>
        <label htmlFor="pq">{t("pairings.searchLabel")}</label>
        <input id="pq" name="q" type="search" defaultValue={filters.q} />
        <label htmlFor="ps">{t("admin.status")}</label>
        <select id="ps" name="status" defaultValue={filters.status}>
          <option value="">{t("projects.allStatuses")}</option>
          {PAIRING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`pairings.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t("projects.filters")}
        </button>
      </Form>
      {pairings.length === 0 ? <p>{t("pairings.empty")}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("map.mentor")}</th>
            <th scope="col">{t("map.mentee")}</th>
            <th scope="col">{t("map.topic")}</th>
            <th scope="col">{t("admin.status")}</th>
            <th scope="col">{t("pairings.sessions")}</th>
            <th scope="col">{t("pairings.period")}</th>
          </tr>
        </thead>
        <tbody>
          {pairings.map((p) => (
            <tr key={p.id}>
              <td>{p.mentorRegion.name}</td>
              <td>{p.menteeRegion.name}</td>
              <td>
                <Link to={`/pasangan/${p.id}`}>{p.topic}</Link>
              </td>
              <td>{t(`pairings.status.${p.status}`)}</td>
              <td>
                {p._count.sessions}
                {p.plannedSessions ? ` / ${p.plannedSessions}` : ""}
              </td>
              <td>
                {formatDay(p.periodStart, i18n.language)} – {formatDay(p.periodEnd, i18n.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
