// The header of every page: product name, the areas, the signed-in person, the language switch.
import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./language-switch";

const AREAS = [
  { to: "/", key: "nav.home", end: true },
  { to: "/proyek", key: "nav.projects" },
  { to: "/pasangan", key: "nav.pairings" },
  { to: "/katalog", key: "nav.catalog" },
  { to: "/dasbor", key: "nav.dashboard" },
] as const;

export function SiteHeader({
  language,
  userName,
  unread = 0,
  reviews = false,
}: {
  language: string;
  userName?: string | null;
  unread?: number;
  /** the person may review lessons: the review queue is one of their areas */
  reviews?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </Link>
        <nav className="main-nav" aria-label={t("nav.label")}>
          <ul>
            {AREAS.map((area) => (
              <li key={area.to}>
                <NavLink to={area.to} end={"end" in area ? area.end : false}>
                  {t(area.key)}
                </NavLink>
              </li>
            ))}
            {userName ? (
              <>
                {reviews ? (
                  <li>
                    <NavLink to="/tinjauan">{t("nav.review")}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink
                    to="/notifikasi"
                    aria-label={unread > 0 ? t("notifications.navUnread", { count: unread }) : undefined}
                  >
                    {t("notifications.nav")}
                    {unread > 0 ? (
                      <span className="badge nav-count" aria-hidden="true">
                        {unread}
                      </span>
                    ) : null}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/profil" title={t("nav.profile")}>
                    {userName}
                  </NavLink>
                </li>
                <li>
                  <Form method="post" action="/keluar" className="sign-out">
                    <button type="submit" className="link-button">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <li>
                <NavLink to="/masuk">{t("nav.signIn")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <LanguageSwitch current={language} />
      </div>
    </header>
  );
}
