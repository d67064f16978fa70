import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { titleMeta } from "~/i18n/translate";
import { CONTENT_LICENCE } from "~/utils/licence";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "aboutData.title");

// public: credits and licences of the data Lintas ships
export async function loader() {
  return null;
}

export default function AboutData() {
  const { t } = useTranslation();
  return (
    <main className="narrow">
      <h1>{t("aboutData.title")}</h1>
      <h2>{t("aboutData.regionsHeading")}</h2>
      <p>
        {t("aboutData.regions")}{" "}
        <a href="https://github.com/fityannugroho/idn-area-data">idn-area-data 4.0.1</a> ·{" "}
        <a href="https://opendatacommons.org/licenses/odbl/">Open Database License (ODbL) 1.0</a>
      </p>
      <h2>{t("aboutData.boundariesHeading")}</h2>
      <p>
        {t("aboutData.boundaries")}{" "}
        <a href="https://github.com/cahyadsn/wilayah_boundaries">cahyadsn/wilayah_boundaries</a> · MIT
        License, © 2024 Cahya DSN.
      </p>
      <p>{t("aboutData.import")}</p>
      <h2>{t("aboutData.licenceHeading")}</h2>
      <p>
        {t("aboutData.licence")}{" "}
        <a href={CONTENT_LICENCE.url} rel="license">
          {CONTENT_LICENCE.name}
        </a>
      </p>
      <p>
        {t("aboutData.openData")} <a href="/schema/katalog.schema.json">katalog.schema.json</a> ·{" "}
        <a href="/katalog.json">katalog.json</a> · <a href="/katalog.csv">katalog.csv</a> ·{" "}
        <a href="/katalog/feed.atom">feed.atom</a> · <a href="/sitemap.xml">sitemap.xml</a>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
