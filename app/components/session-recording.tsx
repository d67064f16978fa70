// A session's recording: the link once the file is there, and for facilitators, when LiveKit
// Egress is configured, a form to start or stop recording (otherwise a note that it is not available).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/ui/form-field";
import type { IntentResult } from "~/utils/form-action.server";
import { safeHref } from "~/utils/url-schema";

export function SessionRecording({
  recordingUrl,
  available,
  running,
  canManage,
  actionData,
}: {
  recordingUrl: string | null;
  available: boolean;
  running: boolean;
  canManage: boolean;
  actionData: IntentResult | undefined;
}) {
  const { t } = useTranslation();
  if (!recordingUrl && !canManage) return null;
  // a link only when it is a well-formed http(s) address; a stored file's key is shown as text
  const recordingHref = safeHref(recordingUrl);
  const errors =
    actionData?.intent === "recording" ? (actionData.result?.error?.[""] ?? undefined) : undefined;
  return (
    <section aria-labelledby="recording-heading">
      <h2 id="recording-heading">{t("recording.title")}</h2>
      {recordingUrl ? (
        <p>
          {recordingHref ? (
            <a href={recordingHref} rel="noreferrer noopener">
              {t("sessions.recording")}
            </a>
          ) : (
            <>
              {t("recording.file")}: <code>{recordingUrl}</code>
            </>
          )}
        </p>
      ) : null}
      {canManage && !available ? (
        <p className="muted" role="status">
          {t("recording.notAvailable")}
        </p>
      ) : null}
      {canManage && available ? (
        <Form method="post">
          <FormErrors errors={errors} />
          {running ? <p role="status">{t("recording.running")}</p> : null}
          <input type="hidden" name="intent" value={running ? "recording-stop" : "recording-start"} />
          <button type="submit" className={running ? "button danger" : "button"}>
            {running ? t("recording.stop") : t("recording.start")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
