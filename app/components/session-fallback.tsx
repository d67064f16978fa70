// The session's fallback when the conference room cannot be opened (docs/decisions/0058): on the
// room page, the phone/WhatsApp number and other meeting link the facilitator entered, with the
// agenda and the notes; on the session page, the form that sets them (without JavaScript first).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SafeLink } from "~/components/ui/safe-link";
import { FormErrors, FormField } from "~/components/ui/form-field";
import { sessionFallbackSchema } from "~/modules/sessions/session-fallback-schemas";
import type { IntentResult } from "~/utils/form-action.server";
import { waMeDigits } from "~/utils/phone-number";

export function SessionFallbackPanel({
  sessionId,
  phone,
  url,
  agenda,
}: {
  sessionId: string;
  phone: string | null;
  url: string | null;
  agenda: { id: string; title: string }[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fallback-heading" className="room-fallback">
      <h2 id="fallback-heading">{t("roomFallback.title")}</h2>
      {phone || url ? <p>{t("roomFallback.intro")}</p> : <p className="muted">{t("roomFallback.none")}</p>}
      <ul>
        {phone ? (
          <>
            <li>
              {t("roomFallback.phone")}: <a href={`tel:${phone}`}>{phone}</a>
            </li>
            <li>
              <a href={`https://wa.me/${waMeDigits(phone)}`} rel="noopener noreferrer" target="_blank">
                {t("roomFallback.whatsappCall")}
              </a>
            </li>
          </>
        ) : null}
        {url ? (
          <li>
            {t("roomFallback.link")}:{" "}
            <SafeLink href={url} rel="noopener noreferrer">
              {url}
            </SafeLink>
          </li>
        ) : null}
        <li>
          <Link to={`/sesi/${sessionId}/catatan`}>{t("roomFallback.notes")}</Link>
        </li>
      </ul>
      {agenda.length > 0 ? (
        <>
          <h3>
            <Link to={`/sesi/${sessionId}`}>{t("roomFallback.agenda")}</Link>
          </h3>
          <ol>
            {agenda.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>
          <Link to={`/sesi/${sessionId}`}>{t("roomFallback.agenda")}</Link>
        </p>
      )}
    </section>
  );
}

export function SessionFallbackForm({
  phone,
  url,
  actionData,
}: {
  phone: string | null;
  url: string | null;
  actionData: IntentResult | undefined;
}) {
  const { t } = useTranslation();
  const mine = actionData?.intent === "fallback";
  const [form, fields] = useForm({
    id: "session-fallback",
    lastResult: mine ? actionData.result : undefined,
    defaultValue: { fallbackPhone: phone ?? "", fallbackUrl: url ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sessionFallbackSchema }),
  });
  const saved = mine && actionData.result?.status === "success";
  return (
    <section aria-labelledby="fallback-edit-heading">
      <h2 id="fallback-edit-heading">{t("roomFallback.edit")}</h2>
      <p className="muted">{t("roomFallback.editHint")}</p>
      {saved ? (
        <p role="status" className="notice">
          {t("roomFallback.saved")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="fallback" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField
          field={fields.fallbackPhone}
          label={t("roomFallback.phoneLabel")}
          type="tel"
          inputMode="tel"
        />
        <FormField field={fields.fallbackUrl} label={t("roomFallback.linkLabel")} type="url" />
        <button type="submit" className="button">
          {t("roomFallback.save")}
        </button>
      </Form>
    </section>
  );
}
