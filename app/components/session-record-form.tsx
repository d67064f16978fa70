// The form that records a past session by hand: held or not held (with a reason), who attended
// among the invitees and the two Pokja, and guests by name. Works without JavaScript; with it,
// the same schema checks before sending.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors } from "~/components/ui/form-field";
import { RECORD_OUTCOMES, sessionRecordSchema } from "~/modules/sessions/session-record-schemas";
import type { IntentResult } from "~/utils/form-action.server";

type Candidate = { key: string; name: string; detail: string | null; viaLiveKit: boolean; recorded: boolean };

export function SessionRecordForm({
  startsAt,
  status,
  reason,
  candidates,
  guests,
  actionData,
}: {
  startsAt: string | Date;
  status: string;
  reason: string | null;
  candidates: Candidate[];
  guests: string[];
  actionData: IntentResult | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "session-record",
    lastResult: actionData?.intent === "record" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sessionRecordSchema({ startsAt }) }),
  });
  const current = status === "HELD" || status === "NOT_HELD" ? status : undefined;
  const offered = candidates.filter((c) => !c.viaLiveKit);
  const viaLiveKit = candidates.filter((c) => c.viaLiveKit);
  const tr = (key: string) => t(key);
  // after a refused submission the boxes show what was sent; otherwise the current record
  const refused = actionData?.intent === "record" && actionData.result?.status === "error";
  const sent = fields.attendees.initialValue;
  const ticked = (c: Candidate) =>
    refused ? (Array.isArray(sent) ? sent.includes(c.key) : sent === c.key) : c.recorded;
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{t("sessionRecord.title")}</h2>
      <p className="muted">{t("sessionRecord.hint")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="record" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset aria-describedby={fields.outcome.errors ? fields.outcome.errorId : undefined}>
          <legend>{t("sessionRecord.outcome")}</legend>
          {RECORD_OUTCOMES.map((outcome) => (
            <label key={outcome}>
              <input
                type="radio"
                name={fields.outcome.name}
                value={outcome}
                defaultChecked={(fields.outcome.initialValue ?? current) === outcome}
              />{" "}
              {t(`sessionRecord.outcomes.${outcome}`)}
            </label>
          ))}
          <FieldErrors id={fields.outcome.errorId} errors={fields.outcome.errors?.map(tr)} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.reason.id}>{t("sessionRecord.reason")}</label>
          <p className="field-hint" id={`${fields.reason.id}-hint`}>
            {t("sessionRecord.reasonHint")}
          </p>
          <textarea
            id={fields.reason.id}
            name={fields.reason.name}
            rows={2}
            maxLength={500}
            defaultValue={fields.reason.initialValue ?? reason ?? ""}
            aria-invalid={fields.reason.errors ? true : undefined}
            aria-describedby={`${fields.reason.id}-hint${fields.reason.errors ? ` ${fields.reason.errorId}` : ""}`}
          />
          <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors?.map(tr)} />
        </div>
        <fieldset aria-describedby={fields.attendees.errors ? fields.attendees.errorId : undefined}>
          <legend>{t("sessionRecord.attendees")}</legend>
          {offered.length === 0 ? <p>{t("sessionRecord.noCandidates")}</p> : null}
          <ul className="plain">
            {offered.map((c) => (
              <li key={c.key}>
                <label>
                  <input
                    type="checkbox"
                    name={fields.attendees.name}
                    value={c.key}
                    defaultChecked={ticked(c)}
                  />{" "}
                  {c.name}
                  {c.detail ? ` (${c.detail})` : ""}
                </label>
              </li>
            ))}
          </ul>
          {viaLiveKit.length > 0 ? (
            <p className="muted">
              {t("sessionRecord.alreadyViaLiveKit", { names: viaLiveKit.map((c) => c.name).join(", ") })}
            </p>
          ) : null}
          <FieldErrors id={fields.attendees.errorId} errors={fields.attendees.errors?.map(tr)} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.guests.id}>{t("sessionRecord.guests")}</label>
          <p className="field-hint" id={`${fields.guests.id}-hint`}>
            {t("sessionRecord.guestsHint")}
          </p>
          <textarea
            id={fields.guests.id}
            name={fields.guests.name}
            rows={3}
            defaultValue={fields.guests.initialValue ?? guests.join("\n")}
            aria-invalid={fields.guests.errors ? true : undefined}
            aria-describedby={`${fields.guests.id}-hint${fields.guests.errors ? ` ${fields.guests.errorId}` : ""}`}
          />
          <FieldErrors id={fields.guests.errorId} errors={fields.guests.errors?.map(tr)} />
        </div>
        <button type="submit" className="button primary">
          {t("sessionRecord.save")}
        </button>
      </Form>
    </section>
  );
}
