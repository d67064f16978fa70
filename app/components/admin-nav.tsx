import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("admin.title")} className="subnav">
      <NavLink to="/admin" end>
        {t("admin.people")}
      </NavLink>
      <NavLink to="/admin/undang">{t("admin.invite")}</NavLink>
      <NavLink to="/admin/outbox">{t("admin.outbox")}</NavLink>
      <NavLink to="/admin/audit">{t("admin.audit")}</NavLink>
      <NavLink to="/admin/cadangan">{t("admin.backup")}</NavLink>
    </nav>
  );
}
