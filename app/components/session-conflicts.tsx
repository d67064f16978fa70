// The warning shown when a move or an invitation would give someone two sessions at once: who,
// which session and when, and a button that sends the same form again, confirmed.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatInstant } from "~/utils/format";

export type SessionConflictResult = {
  intent: string;
  conflicts?: { id: string; title: string | null; startsAt: string; people: string[] }[];
  /** the fields of the form that was held back, to send again with confirm=1 */
  resubmit?: [string, string][];
};

export function SessionConflictWarning({
  intent,
  actionData,
  viewerZone,
}: {
  intent: "move" | "invite";
  actionData: unknown;
  viewerZone: string;
}) {
  const { t, i18n } = useTranslation();
  const data = actionData as SessionConflictResult | undefined;
  if (data?.intent !== intent || !data.conflicts?.length) return null;
  return (
    <div className="card" role="alert">
      <p>
        <strong>{t(`sessionConflicts.${intent}Heading`)}</strong>
      </p>
      <ul>
        {data.conflicts.map((c) => (
          <li key={c.id}>
            {t("sessionConflicts.item", {
              people: c.people.join(", "),
              title: c.title ?? t("hostedSessions.otherSession"),
              time: formatInstant(c.startsAt, i18n.language, viewerZone),
            })}
          </li>
        ))}
      </ul>
      <Form method="post">
        {(data.resubmit ?? []).map(([name, value], index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="1" />
        <button type="submit" className="button">
          {t(`sessionConflicts.${intent}Anyway`)}
        </button>
      </Form>
    </div>
  );
}
