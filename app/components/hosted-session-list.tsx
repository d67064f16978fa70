// The stand-alone sessions of a project or a province, upcoming first then past.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatInstant } from "~/utils/format";

type Row = { id: string; title: string; startsAt: Date | string; durationMinutes: number; status: string };

export function HostedSessionList({ sessions, viewerZone }: { sessions: Row[]; viewerZone: string }) {
  const { t, i18n } = useTranslation();
  if (sessions.length === 0) return <p>{t("hostedSessions.none")}</p>;
  const now = Date.now();
  const ends = (s: Row) => new Date(s.startsAt).getTime() + s.durationMinutes * 60_000;
  const groups = [
    { key: "upcoming", rows: sessions.filter((s) => ends(s) >= now) },
    { key: "past", rows: sessions.filter((s) => ends(s) < now).reverse() },
  ].filter((g) => g.rows.length > 0);
  return (
    <>
      {groups.map((group) => (
        <div key={group.key}>
          <h3>{t(`hostedSessions.${group.key}`)}</h3>
          <ul>
            {group.rows.map((s) => (
              <li key={s.id}>
                <Link to={`/sesi/${s.id}`}>{s.title}</Link> ·{" "}
                {formatInstant(s.startsAt, i18n.language, viewerZone)} ·{" "}
                <span className="badge">{t(`sessions.status.${s.status}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
