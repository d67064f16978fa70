import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { titleMeta } from "~/i18n/translate";
import { listPracticesForCurator } from "~/modules/catalogue/practice.server";
import { formatDay } from "~/utils/format";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "curation.title");

// curators (practice:curate): every practice their scope covers, drafts included
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "practice:curate");
  return { ...(await listPracticesForCurator(scope)), regionCode: scope.user.regionCode };
}

export default function CurationList() {
  const { t, i18n } = useTranslation();
  const { practices, projects, regionCode } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("curation.title")}</h1>
      <p>{t("curation.intro")}</p>
      <p>
        <Link to="/katalog/baru" className="button primary">
          {t("curation.new")}
        </Link>
        {regionCode ? (
          <>
            {" "}
            <a href={`/wilayah/${regionCode}/inovasi.xlsx`} className="button">
              {t("curation.exportIid")}
            </a>
          </>
        ) : null}
      </p>
      {practices.length === 0 ? (
        <p>{t("catalog.none")}</p>
      ) : (
        <table>
          <caption>{t("curation.tableCaption", { count: practices.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("curation.fields.name")}</th>
              <th scope="col">{t("curation.fields.region")}</th>
              <th scope="col">{t("curation.fields.status")}</th>
              <th scope="col">{t("curation.fields.maturity")}</th>
              <th scope="col">{t("curation.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {practices.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/katalog/kelola/${p.id}`}>{p.name}</Link>
                </td>
                <td>{p.region.name}</td>
                <td>{t(`curation.status.${p.status}`)}</td>
                <td>{t(`catalog.maturity.${p.maturity}`)}</td>
                <td>{formatDay(p.updatedAt, i18n.language, p.region.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {projects.length > 0 ? (
        <section aria-labelledby="candidates-heading">
          <h2 id="candidates-heading">{t("curation.candidates")}</h2>
          <p>{t("curation.candidatesIntro")}</p>
          <ul>
            {projects.map((p) => (
              <li key={p.id}>
                {p.acronym ? `${p.acronym}: ` : ""}
                {p.title} <span className="muted">· {p.region.name}</span>{" "}
                <Link to={`/katalog/baru?proyek=${p.id}`}>{t("curation.fromProject")}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
