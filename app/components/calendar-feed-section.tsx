// The profile's private calendar feed: the address to paste into Google Calendar or Outlook,
// and the buttons to create it, replace it (the old one stops working) or turn it off.
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation();
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  // the copy button needs the Clipboard API; without it (or without JavaScript) the field is selectable
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  useEffect(() => setCopied(false), [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="inline-fields">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        {canCopy ? (
          <button
            type="button"
            className="button"
            onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true))}
          >
            {t("calendarFeed.copy")}
          </button>
        ) : null}
      </div>
      <p role="status" className="muted">
        {copied ? t("calendarFeed.copied") : ""}
      </p>
    </div>
  );
}

export function CalendarFeedSection({
  feed,
  changed,
}: {
  feed: { https: string; webcal: string } | null;
  changed?: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t("calendarFeed.title")}</h2>
      <p>{t("calendarFeed.intro")}</p>
      {changed === "calendar-replace" ? (
        <p role="status" className="notice">
          {t("calendarFeed.replaced")}
        </p>
      ) : null}
      {changed === "calendar-revoke" ? (
        <p role="status" className="notice">
          {t("calendarFeed.revoked")}
        </p>
      ) : null}
      {feed ? (
        <>
          <CopyField id="calendar-feed-url" label={t("calendarFeed.address")} value={feed.https} />
          <p>
            <a href={feed.webcal}>{t("calendarFeed.openInApp")}</a>
          </p>
          <h3>{t("calendarFeed.howTitle")}</h3>
          <ul>
            <li>{t("calendarFeed.howGoogle")}</li>
            <li>{t("calendarFeed.howOutlook")}</li>
            <li>{t("calendarFeed.howRefresh")}</li>
          </ul>
          <p className="muted">{t("calendarFeed.private")}</p>
          <div className="actions">
            <Form method="post">
              <input type="hidden" name="intent" value="calendar-replace" />
              <button type="submit" className="button">
                {t("calendarFeed.replace")}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="calendar-revoke" />
              <button type="submit" className="button danger">
                {t("calendarFeed.revoke")}
              </button>
            </Form>
          </div>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="calendar-create" />
          <button type="submit" className="button primary">
            {t("calendarFeed.create")}
          </button>
        </Form>
      )}
    </section>
  );
}
