// The two steps of scheduling a series, shared by a pairing's, a project team's and a province's
// sessions: the form (GET, so the dates can be previewed without writing), then the dates with
// their conflicts, the dates to skip and the people to invite (POST).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SESSION_ZONES } from "~/modules/sessions/session-series-schemas";
import { formatTimeInZones } from "~/utils/dates";
import { formatInstant } from "~/utils/format";
import type { IntentResult } from "~/utils/form-action.server";
import { abbreviationForIanaZone } from "~/utils/time-zones";

export type SeriesFormData = {
  host: {
    kind: "pairing" | "project" | "province";
    label: string;
    backPath: string;
    zones: string[];
    defaultZone: string;
    invitees: { id: string; name: string; regionName: string | null }[];
  };
  values: Record<string, string>;
  errors: Record<string, string[] | null> | null;
  preview: {
    date: string;
    startsAt: string;
    conflicts: { id: string; title: string | null; people: string[] }[];
  }[];
  previewError: string | null;
};

const HEADING = {
  pairing: "sessions.newSeries",
  project: "hostedSessions.newForProject",
  province: "hostedSessions.newForProvince",
} as const;

const DEFAULT_TITLE = {
  pairing: "sessions.defaultTitle",
  project: "hostedSessions.defaultProjectTitle",
  province: "hostedSessions.defaultProvinceTitle",
} as const;

const CARRIED = ["title", "firstLocal", "timeZone", "durationMinutes", "count", "intervalWeeks", "agenda"];

export function SessionSeriesForm({
  data,
  actionData,
}: {
  data: SeriesFormData;
  actionData: IntentResult | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { host, values, errors, preview, previewError } = data;
  const fieldError = (name: string) => errors?.[name]?.map((key) => t(key)).join(" ");
  const zone = values.timeZone ?? host.defaultZone;
  return (
    <main className="narrow">
      <p className="muted">
        <Link to={host.backPath}>{host.label}</Link>
      </p>
      <h1>{t(HEADING[host.kind])}</h1>
      <Form method="get">
        <div className="field">
          <label htmlFor="title">{t("sessions.seriesTitle")}</label>
          <input
            id="title"
            name="title"
            defaultValue={values.title ?? t(DEFAULT_TITLE[host.kind])}
            required
            aria-describedby={fieldError("title") ? "title-error" : undefined}
          />
          {fieldError("title") ? (
            <p id="title-error" className="field-errors">
              {fieldError("title")}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="firstLocal">{t("sessions.firstSession")}</label>
          <input
            id="firstLocal"
            name="firstLocal"
            type="datetime-local"
            defaultValue={values.firstLocal ?? ""}
            required
          />
          {fieldError("firstLocal") ? <p className="field-errors">{fieldError("firstLocal")}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="timeZone">{t("sessions.zoneEntered")}</label>
          <select id="timeZone" name="timeZone" defaultValue={zone}>
            {SESSION_ZONES.map((z) => (
              <option key={z} value={z}>
                {abbreviationForIanaZone(z)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="durationMinutes">{t("sessions.duration")}</label>
          <input
            id="durationMinutes"
            name="durationMinutes"
            type="number"
            min={15}
            max={600}
            defaultValue={values.durationMinutes ?? (host.kind === "pairing" ? "120" : "60")}
          />
          {fieldError("durationMinutes") ? (
            <p className="field-errors">{fieldError("durationMinutes")}</p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="count">{t("sessions.count")}</label>
          <input
            id="count"
            name="count"
            type="number"
            min={1}
            max={52}
            defaultValue={values.count ?? (host.kind === "pairing" ? "6" : "1")}
          />
          {fieldError("count") ? <p className="field-errors">{fieldError("count")}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="intervalWeeks">{t("sessions.every")}</label>
          <select id="intervalWeeks" name="intervalWeeks" defaultValue={values.intervalWeeks ?? "1"}>
            <option value="1">{t("sessions.weekly")}</option>
            <option value="2">{t("sessions.fortnightly")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="agenda">{t("sessions.agenda")}</label>
          <p className="field-hint">{t("sessions.agendaHint")}</p>
          <textarea id="agenda" name="agenda" rows={3} defaultValue={values.agenda ?? ""} />
        </div>
        <button type="submit" className="button">
          {t("sessions.preview")}
        </button>
      </Form>

      {previewError ? (
        <p role="alert" className="form-errors">
          {t(previewError)}
        </p>
      ) : null}
      {preview.length > 0 ? (
        <Form method="post" className="card">
          <h2>{t("sessions.previewHeading")}</h2>
          {actionData?.missing ? (
            <p role="alert" className="form-errors">
              {actionData.missing.map((k) => t(k)).join(" ")}
            </p>
          ) : null}
          {CARRIED.map((name) => (
            <input key={name} type="hidden" name={name} value={values[name] ?? ""} />
          ))}
          <fieldset>
            <legend>{t("sessions.removeDates")}</legend>
            <ul className="plain">
              {preview.map((p, i) => (
                <li key={p.date}>
                  <label>
                    <input type="checkbox" name="skip" value={p.date} /> {i + 1}.{" "}
                    {formatInstant(p.startsAt, lng, zone)} ({formatTimeInZones(p.startsAt, host.zones, lng)})
                  </label>
                  {p.conflicts.length > 0 ? (
                    <>
                      <span className="badge badge-risk">
                        {" "}
                        {t("sessions.conflict", {
                          titles: p.conflicts
                            .map((c) => c.title ?? t("hostedSessions.otherSession"))
                            .join(", "),
                        })}
                      </span>{" "}
                      <span className="muted">
                        {t("hostedSessions.busy", {
                          people: [...new Set(p.conflicts.flatMap((c) => c.people))].join(", "),
                        })}
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </fieldset>
          <p className="muted">{t("sessions.skipExplained")}</p>
          <fieldset>
            <legend>{t("hostedSessions.invitees")}</legend>
            <input type="hidden" name="inviteesChosen" value="1" />
            {host.invitees.length === 0 ? <p>{t("hostedSessions.noInvitees")}</p> : null}
            <ul className="plain">
              {host.invitees.map((person) => (
                <li key={person.id}>
                  <label>
                    <input type="checkbox" name="invitee" value={person.id} defaultChecked /> {person.name}
                    {person.regionName ? ` (${person.regionName})` : ""}
                  </label>
                </li>
              ))}
            </ul>
            <p className="muted">{t("hostedSessions.inviteesHint")}</p>
          </fieldset>
          <button type="submit" className="button primary">
            {t("sessions.createSeries")}
          </button>
        </Form>
      ) : null}
    </main>
  );
}
