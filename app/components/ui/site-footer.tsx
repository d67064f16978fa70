// The footer of every page: credits for the region data and the boundaries.
import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>
          <Trans
            i18nKey="footer.regionData"
            components={{ repo: <a href="https://github.com/fityannugroho/idn-area-data">idn-area-data</a> }}
          />
        </p>
        <p>
          <Trans
            i18nKey="footer.boundaries"
            components={{
              repo: <a href="https://github.com/cahyadsn/wilayah_boundaries">cahyadsn/wilayah_boundaries</a>,
            }}
          />
        </p>
        <p>
          <Link to="/tentang-data" className="footer-link">
            {t("footer.aboutData")}
          </Link>
        </p>
      </div>
    </footer>
  );
}
