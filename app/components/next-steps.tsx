// "Yang perlu Anda lakukan": the lists the dashboard's loader sends (next-steps.server.ts), each item
// a link to where it is done; an empty list says so.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RiskReasonList, type RiskReasonView } from "~/components/risk-reasons";
import { formatDay, formatInstant, formatNumber } from "~/utils/format";

/** An item as the loader sends it (dates as ISO strings after serialisation). */
export type NextStepView = {
  id: string;
  href: string;
  title: string;
  context: string | null;
  dueDay: string | Date | null;
  startsAt: string | Date | null;
  /** an i18n key naming the time ({{when}}), e.g. a poll's first slot; absent: the time alone */
  startsLabel?: string | null;
  overdue: boolean;
  notes: { key: string; values?: Record<string, string | number> }[];
  riskReasons: RiskReasonView[];
};

export type NextStepListView = { kind: string; items: NextStepView[]; total: number; seeAll: string | null };

/** `zone`: the viewer's clock, in which sessions' times and due days are shown (WIB, WITA, WIT). */
export function NextSteps({ lists, zone }: { lists: NextStepListView[]; zone: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="next-steps-heading" className="next-steps">
      <h2 id="next-steps-heading">{t("nextSteps.heading")}</h2>
      {lists.length === 0 ? <p className="next-steps-empty">{t("nextSteps.empty")}</p> : null}
      {lists.map((list) => {
        const headingId = `next-steps-${list.kind}`;
        const count = { count: list.total, formatted: formatNumber(list.total, lng) };
        return (
          <section key={list.kind} aria-labelledby={headingId} className="next-steps-list">
            <h3 id={headingId}>{t(`nextSteps.kinds.${list.kind}`, count)}</h3>
            <ul>
              {list.items.map((item) => (
                <li key={item.id}>
                  <Link to={item.href}>{item.title}</Link>
                  {item.context ? <span className="muted"> · {item.context}</span> : null}
                  {item.startsAt ? (
                    <>
                      {" · "}
                      {item.startsLabel
                        ? t(item.startsLabel, { when: formatInstant(item.startsAt, lng, zone) })
                        : formatInstant(item.startsAt, lng, zone)}
                    </>
                  ) : null}
                  {item.dueDay ? (
                    <>
                      {" · "}
                      <span className={item.overdue ? "next-step-overdue" : undefined}>
                        {t(item.overdue ? "nextSteps.overdueSince" : "nextSteps.dueOn", {
                          date: formatDay(item.dueDay, lng, zone),
                        })}
                      </span>
                    </>
                  ) : null}
                  {item.notes.length > 0 ? (
                    <ul className="next-step-notes">
                      {item.notes.map((note) => (
                        <li key={note.key}>{t(note.key, note.values)}</li>
                      ))}
                    </ul>
                  ) : null}
                  <RiskReasonList reasons={item.riskReasons} />
                </li>
              ))}
            </ul>
            {list.seeAll ? (
              <p>
                <Link to={list.seeAll}>{t("nextSteps.seeAll", count)}</Link>
              </p>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
