import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/require-user.server";
import { getPairingForUser } from "~/models/pairing.server";
import { createSessionSeries, findConflicts, seriesStarts } from "~/models/session.server";
import { InvalidWallClockError, formatTimeInZones } from "~/utils/dates";
import { type IntentResult, runIntent } from "~/utils/form-action.server";
import { formatInstant } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { abbreviationForIanaZone } from "~/utils/time-zones";

const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;

const seriesSchema = z.object({
  title: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(200, "errors.tooLong"),
  firstLocal: z
    .string({ required_error: "errors.required" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.date"),
  timeZone: z.enum(ZONES, { errorMap: () => ({ message: "errors.choice" }) }),
  durationMinutes: z.coerce
    .number({ invalid_type_error: "errors.number" })
    .int("errors.number")
    .min(15, "errors.number")
    .max(600, "errors.number"),
  count: z.coerce
    .number({ invalid_type_error: "errors.number" })
    .int("errors.number")
    .min(1, "errors.number")
    .max(52, "errors.number"),
  intervalWeeks: z.coerce
    .number({ invalid_type_error: "errors.number" })
    .int()
    .min(1, "errors.number")
    .max(4, "errors.number"),
  agenda: z.string().max(3000, "errors.tooLong").optional(),
  skip: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .max(60)
    .optional(),
});

function parseAgenda(text?: string) {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 30)
    .map((line) => {
      const [title, presenter] = line.split(/\s+[—–-]\s+/, 2);
      return { title: title.slice(0, 200), presenter: presenter?.slice(0, 160) };
    });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:create");
  const pairing = await getPairingForUser({ user: scope.user, grants: scope.grants }, params.pairingId ?? "");
  invariantResponse(pairing, "Not found", { status: 404 });
  const url = new URL(request.url);
  const submission = url.searchParams.has("firstLocal")
    ? parseWithZod(url.searchParams, { schema: seriesSchema })
    : null;
  let preview: { date: string; startsAt: string; conflicts: string[] }[] = [];
  let previewError: string | null = null;
  if (submission?.status === "success") {
    try {
      const starts = seriesStarts({ ...submission.value, skipDates: [] });
      const invitees = pairing.participants.filter((p) => p.userId).map((p) => p.userId!);
      preview = await Promise.all(
        starts.map(async (startsAt) => ({
          date: startsAt.toISOString().slice(0, 10),
          startsAt: startsAt.toISOString(),
          conflicts: (await findConflicts(invitees, startsAt, submission.value.durationMinutes)).map(
            (c) => c.title,
          ),
        })),
      );
    } catch (error) {
      if (!(error instanceof InvalidWallClockError)) throw error;
      previewError = "errors.date";
    }
  }
  return {
    pairing: {
      id: pairing.id,
      topic: pairing.topic,
      zones: [pairing.mentorRegion.timeZone, pairing.menteeRegion.timeZone],
      mentorZone: pairing.mentorRegion.timeZone,
    },
    values: Object.fromEntries(url.searchParams),
    errors: submission?.status === "error" ? submission.error : null,
    preview,
    previewError,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "session:create");
  const pairingId = params.pairingId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: seriesSchema });
  let created = false;
  const response = await runIntent("series", submission, async () => {
    if (submission.status !== "success") return;
    const { skip, agenda, ...input } = submission.value;
    // the dates are taken in the Indonesian zone chosen; the "skip" boxes remove dates from the series
    try {
      await createSessionSeries(scope, { ...input, pairingId, skipDates: skip, agenda: parseAgenda(agenda) });
      created = true;
    } catch (error) {
      if (error instanceof InvalidWallClockError) return { missing: ["errors.date"] };
      throw error;
    }
  });
  return created ? redirect(`/pasangan/${pairingId}`) : response;
}

export default function NewSeries() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { pairing, values, errors, preview, previewError } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const fieldError = (name: string) => errors?.[name]?.map((key) => t(key)).join(" ");
  return (
    <main className="narrow">
      <p className="muted">
        <Link to={`/pasangan/${pairing.id}`}>{pairing.topic}</Link>
      </p>
      <h1>{t("sessions.newSeries")}</h1>
      <Form method="get">
        <div className="field">
          <label htmlFor="title">{t("sessions.seriesTitle")}</label>
          <input
            id="title"
            name="title"
            defaultValue={values.title ?? t("sessions.defaultTitle")}
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
          <select id="timeZone" name="timeZone" defaultValue={values.timeZone ?? pairing.mentorZone}>
            {ZONES.map((z) => (
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
            defaultValue={values.durationMinutes ?? "120"}
          />
          {fieldError("durationMinutes") ? (
            <p className="field-errors">{fieldError("durationMinutes")}</p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="count">{t("sessions.count")}</label>
          <input id="count" name="count" type="number" min={1} max={52} defaultValue={values.count ?? "6"} />
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
          {["title", "firstLocal", "timeZone", "durationMinutes", "count", "intervalWeeks", "agenda"].map(
            (name) => (
              <input key={name} type="hidden" name={name} value={values[name] ?? ""} />
            ),
          )}
          <fieldset>
            <legend>{t("sessions.removeDates")}</legend>
            <ul className="plain">
              {preview.map((p, i) => (
                <li key={p.date}>
                  <label>
                    <input type="checkbox" name="skip" value={p.date} /> {i + 1}.{" "}
                    {formatInstant(p.startsAt, lng, values.timeZone ?? pairing.mentorZone)} (
                    {formatTimeInZones(p.startsAt, pairing.zones, lng)})
                  </label>
                  {p.conflicts.length > 0 ? (
                    <span className="badge badge-risk">
                      {" "}
                      {t("sessions.conflict", { titles: p.conflicts.join(", ") })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </fieldset>
          <p className="muted">{t("sessions.skipExplained")}</p>
          <button type="submit" className="button primary">
            {t("sessions.createSeries")}
          </button>
        </Form>
      ) : null}
    </main>
  );
}
