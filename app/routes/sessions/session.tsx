import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { assertInScope, requirePermission } from "~/auth/require-user.server";
import { SessionConflictWarning } from "~/components/session-conflicts";
import { SessionAgenda, SessionInvitees } from "~/components/session-agenda";
import { SessionRecordForm } from "~/components/session-record-form";
import { SessionRecording } from "~/components/session-recording";
import { TableScroll } from "~/components/ui/table-scroll";
import { SessionFallbackForm } from "~/components/session-fallback";
import { WhatsAppShareLink } from "~/components/whatsapp-share";
import { env } from "~/env.server";
import { sessionFallbackSchema } from "~/modules/sessions/session-fallback-schemas";
import { setSessionFallback } from "~/modules/sessions/session-fallback.server";
import { clocksForSession, sessionLinks, whatsAppSessionMessage } from "~/modules/sessions/whatsapp-message";
import { egressConfig } from "~/livekit/egress.server";
import { lessonAccess } from "~/modules/lessons/access.server";
import { startSessionRecording, stopSessionRecording } from "~/modules/sessions/session-recording.server";
import { sessionRecordSchema } from "~/modules/sessions/session-record-schemas";
import {
  attendanceChoices,
  mayRecordSession,
  recordSessionByHand,
  sessionStartForRecord,
} from "~/modules/sessions/session-record.server";
import {
  agendaAddSchema,
  agendaItemSchema,
  inviteSchema,
  uninviteSchema,
} from "~/modules/sessions/agenda-schemas";
import {
  addAgendaItem,
  inviteConflicts,
  inviteToSession,
  moveAgendaItem,
  removeAgendaItem,
  removeInvitee,
  unknownEmails,
  workingGroupsForSession,
} from "~/modules/sessions/session-agenda.server";
import { attendanceMinutes, getSessionForUser, mayManageSession } from "~/modules/sessions/queries.server";
import { cancelSession, moveConflicts, moveSession } from "~/modules/sessions/reschedule.server";
import { holdForConflicts } from "~/modules/sessions/session-conflicts.server";
import { InvalidWallClockError, formatTime, formatTimeInZones, toWallClock, zoneName } from "~/utils/dates";
import { type IntentResult, defineIntent, done, refused, runIntents } from "~/utils/form-action.server";
import { formatInstant } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";
import { abbreviationForIanaZone } from "~/utils/time-zones";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && "session" in data ? `${data.session.title} · Lintas` : "Lintas" },
];

const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
const moveSchema = z.object({
  intent: z.literal("move"),
  startLocal: z
    .string({ required_error: "errors.required" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.date"),
  timeZone: z.enum(ZONES, { errorMap: () => ({ message: "errors.choice" }) }),
  durationMinutes: z.coerce
    .number({ invalid_type_error: "errors.number" })
    .int()
    .min(15, "errors.number")
    .max(600, "errors.number"),
});
const recordingSchema = z.object({ intent: z.enum(["recording-start", "recording-stop"]) });
const cancelSchema = z.object({
  intent: z.literal("cancel"),
  reason: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(500),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const raw = requireParam(params, "sessionId");
  // /sesi/<id>.ics, the session's calendar file, is served by a resource route (params are whole
  // segments, so the suffix lands here); the target checks who may read it
  if (raw.endsWith(".ics")) throw redirect(`/sesi/${encodeURIComponent(raw.slice(0, -4))}/kalender.ics`);
  const scope = await requirePermission(request, "session:read");
  const session = await getSessionForUser(scope, raw);
  invariantResponse(session, "Not found", { status: 404 });
  const zones = [
    ...new Set(
      [
        session.pairing?.mentorRegion.timeZone,
        session.pairing?.menteeRegion.timeZone,
        session.hostRegion?.timeZone,
        session.timeZone,
      ].filter(Boolean),
    ),
  ] as string[];
  const viewerZone = scope.user.timeZone ?? scope.user.region?.timeZone ?? session.timeZone;
  const end = new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
  const canManage = await mayManageSession(scope.user, session.id);
  // recording by hand whether it was held and who attended: once the session has started
  const canRecord = session.status !== "CANCELLED" && (await mayRecordSession(scope.user, session.id));
  return {
    session,
    zones,
    viewerZone,
    minutes: attendanceMinutes(session.attendances, session.endedAt ?? end),
    canManage,
    record: canRecord
      ? { started: session.startsAt.getTime() <= Date.now(), ...(await attendanceChoices(session.id)) }
      : null,
    workingGroups: canManage ? await workingGroupsForSession(session.id) : [],
    recording: { available: egressConfig() !== null, running: Boolean(session.egressId) },
    startLocal: toWallClock(session.startsAt, session.timeZone),
    // the links a WhatsApp message carries are absolute, on this Lintas's public address
    appUrl: env.APP_URL,
    // the lesson workspace is offered to those who may write, comment on or publish it
    lessonAccess: Object.values(await lessonAccess(scope.user, session.id)).some(Boolean),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // a pairing's sessions: "session:create"; stand-alone ones: "session:host" (the models check which)
  const scope = await requirePermission(request, "app:use");
  assertInScope(
    can(scope.user.memberships, "session:create") ||
      can(scope.user.memberships, "session:host") ||
      can(scope.user.memberships, "session:record"),
  );
  const id = requireParam(params, "sessionId");
  const formData = await request.formData();
  const moveAgenda = (direction: "up" | "down") =>
    defineIntent(agendaItemSchema, async ({ itemId }) => {
      await moveAgendaItem(scope, id, itemId, direction);
    });
  const recording = (start: boolean) =>
    defineIntent(
      recordingSchema,
      async () => {
        if (start) await startSessionRecording(scope, id);
        else await stopSessionRecording(scope, id);
      },
      { answerAs: "recording" },
    );
  return runIntents(
    formData,
    {
      move: defineIntent(moveSchema, async (move) => {
        // a move that gives someone two sessions at once waits for the person to confirm it
        const held = await holdForConflicts("move", formData, () => moveConflicts(scope, id, move));
        if (held) return held;
        await moveSession(scope, id, move);
      }),
      cancel: defineIntent(cancelSchema, async ({ reason }) => {
        await cancelSession(scope, id, reason);
      }),
      "agenda-add": defineIntent(agendaAddSchema, async ({ title, presenter }) => {
        await addAgendaItem(scope, id, { title, presenter });
      }),
      "agenda-remove": defineIntent(agendaItemSchema, async ({ itemId }) => {
        await removeAgendaItem(scope, id, itemId);
      }),
      "agenda-up": moveAgenda("up"),
      "agenda-down": moveAgenda("down"),
      invite: defineIntent(inviteSchema, async (invitation) => {
        if ((await unknownEmails(invitation.emails)).length > 0)
          return refused({ emails: ["agenda.errors.unknownEmail"] });
        const held = await holdForConflicts("invite", formData, () => inviteConflicts(scope, id, invitation));
        if (held) return held;
        return done({ added: await inviteToSession(scope, id, invitation) });
      }),
      "recording-start": recording(true),
      "recording-stop": recording(false),
      record: defineIntent(
        async () => {
          const startsAt = await sessionStartForRecord(scope.user, id);
          assertInScope(startsAt !== null);
          return sessionRecordSchema({ startsAt });
        },
        async (record) => {
          await recordSessionByHand(scope, id, record);
        },
      ),
      fallback: defineIntent(sessionFallbackSchema, async (fallback) => {
        await setSessionFallback(scope, id, fallback);
        return done({}, { resetForm: false });
      }),
      uninvite: defineIntent(uninviteSchema, async ({ userId }) => {
        await removeInvitee(scope, id, userId);
      }),
    },
    // a new time that does not exist in its zone (a move): next to the time
    {
      refuse: (error) =>
        error instanceof InvalidWallClockError ? { key: "errors.date", field: "startLocal" } : undefined,
    },
  );
}

export default function SessionPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const {
    session,
    zones,
    viewerZone,
    minutes,
    canManage,
    record,
    startLocal,
    appUrl,
    workingGroups,
    recording,
    lessonAccess: mayOpenLesson,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const regionsByZone = [
    session.pairing?.mentorRegion,
    session.pairing?.menteeRegion,
    session.hostRegion,
  ].filter(Boolean) as { name: string; timeZone: string }[];
  return (
    <main>
      {session.pairing ? (
        <p className="muted">
          <Link to={`/pasangan/${session.pairing.id}`}>{session.pairing.topic}</Link>:{" "}
          {session.pairing.mentorRegion.name} → {session.pairing.menteeRegion.name}
        </p>
      ) : null}
      {session.project ? (
        <p className="muted">
          <Link to={`/proyek/${session.project.id}/sesi`}>
            {t("hostedSessions.forProject", { name: session.project.acronym ?? session.project.title })}
          </Link>
        </p>
      ) : null}
      {!session.pairing && !session.project && session.hostRegion ? (
        <p className="muted">
          <Link to={`/wilayah/${session.hostRegion.code}`}>
            {t("hostedSessions.forProvince", { name: session.hostRegion.name })}
          </Link>
        </p>
      ) : null}
      <h1>{session.title}</h1>
      <p className="session-clock">
        <strong>
          {formatTimeInZones(
            session.startsAt,
            zones.includes(viewerZone) ? zones : [viewerZone, ...zones],
            lng,
          )}
        </strong>
        <br />
        {formatInstant(session.startsAt, lng, viewerZone)} ·{" "}
        {t("sessions.minutes", { count: session.durationMinutes })} ·{" "}
        <span className="badge">{t(`sessions.status.${session.status}`)}</span>
        {session.recordedAt ? (
          <span className="muted">
            {" "}
            ·{" "}
            {session.recordedBy
              ? t("sessionRecord.recordedBy", {
                  name: session.recordedBy.name,
                  time: formatInstant(session.recordedAt, lng, viewerZone),
                })
              : t("sessionRecord.recorded", { time: formatInstant(session.recordedAt, lng, viewerZone) })}
          </span>
        ) : null}
      </p>
      <ul className="clocks">
        {regionsByZone.map((r) => (
          <li key={r.name}>
            {r.name}: {formatInstant(session.startsAt, lng, r.timeZone)}
          </li>
        ))}
      </ul>
      {session.status === "CANCELLED" ? (
        <p role="status">{t("sessions.cancelledBecause", { reason: session.cancelReason ?? "—" })}</p>
      ) : null}
      {session.status === "NOT_HELD" ? (
        <p role="status">{t("sessionRecord.notHeldBecause", { reason: session.notHeldReason ?? "—" })}</p>
      ) : null}
      <p className="actions">
        {session.status !== "CANCELLED" ? (
          <Link to={`/sesi/${session.id}/ruang`} className="button primary">
            {t("sessions.join")}
          </Link>
        ) : null}{" "}
        <Link to={`/sesi/${session.id}/catatan`} className="button">
          {t("notes.open")}
        </Link>{" "}
        {mayOpenLesson ? (
          <>
            <Link to={`/sesi/${session.id}/pelajaran`} className="button">
              {t("lessonTemplate.open")}
            </Link>{" "}
          </>
        ) : null}
        <a href={`/sesi/${session.id}/kalender.ics`} className="button" download>
          {t("sessions.addToCalendar")}
        </a>{" "}
        {session.status !== "CANCELLED" ? (
          <WhatsAppShareLink
            label={t("whatsapp.share")}
            hint={t("whatsapp.shareHint")}
            text={whatsAppSessionMessage({
              t: (key, options) => t(key, options),
              language: lng,
              session: { ...session, links: sessionLinks(appUrl, session.id) },
              clocks: clocksForSession(session),
            })}
          />
        ) : null}
      </p>

      <SessionAgenda
        agenda={session.agenda}
        canManage={canManage && session.status !== "CANCELLED"}
        actionData={actionData}
      />

      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t("sessions.attendance")}</h2>
        {minutes.length === 0 ? <p>{t("sessions.noAttendance")}</p> : null}
        {minutes.length > 0 ? (
          <TableScroll label={t("sessions.attendanceZone", { zone: zoneName(viewerZone, lng) })}>
            <table>
              <caption>{t("sessions.attendanceZone", { zone: zoneName(viewerZone, lng) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("auth.fullName")}</th>
                  <th scope="col">{t("sessions.attendanceRegion")}</th>
                  <th scope="col">{t("sessions.firstJoined")}</th>
                  <th scope="col">{t("sessions.lastLeft")}</th>
                  <th scope="col">{t("sessions.totalMinutes")}</th>
                  <th scope="col">{t("sessionRecord.source")}</th>
                </tr>
              </thead>
              <tbody>
                {minutes.map((m) => (
                  <tr key={`${m.source}-${m.name}-${m.firstJoinedAt}`}>
                    <td>{m.name}</td>
                    <td>{m.region ?? "—"}</td>
                    {m.source === "MANUAL" ? (
                      // a record by hand says who was there, not when they came and went
                      <>
                        <td>—</td>
                        <td>—</td>
                        <td>—</td>
                        <td>
                          {session.recordedBy
                            ? t("sessionRecord.sourceManualBy", { name: session.recordedBy.name })
                            : t("sessionRecord.sourceManual")}
                        </td>
                      </>
                    ) : (
                      <>
                        <td>{formatTime(m.firstJoinedAt, viewerZone, lng)}</td>
                        <td>
                          {m.lastLeftAt
                            ? formatTime(m.lastLeftAt, viewerZone, lng)
                            : t("sessions.stillInRoom")}
                        </td>
                        <td>{m.minutes}</td>
                        <td>{t("sessionRecord.sourceLiveKit")}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>

      {record && (record.started || actionData?.intent === "record") ? (
        <SessionRecordForm
          startsAt={session.startsAt}
          status={session.status}
          reason={session.notHeldReason}
          candidates={record.candidates}
          guests={record.guests}
          actionData={actionData}
        />
      ) : null}

      <SessionConflictWarning intent="invite" actionData={actionData} viewerZone={viewerZone} />
      <SessionInvitees
        invitees={session.invitees}
        workingGroups={workingGroups}
        canManage={canManage && session.status !== "CANCELLED"}
        actionData={actionData}
      />

      {session.commitments.length > 0 ? (
        <section aria-labelledby="commitments-heading">
          <h2 id="commitments-heading">{t("pairings.commitments")}</h2>
          <ul>
            {session.commitments.map((c) => (
              <li key={c.id}>
                {c.title} · {t(`pairings.side.${c.side}`)} · {t(`projects.workStatus.${c.status}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <SessionRecording
        recordingUrl={session.recordingUrl}
        available={recording.available}
        running={recording.running}
        canManage={canManage && session.status !== "CANCELLED" && session.status !== "HELD"}
        actionData={actionData}
      />

      {canManage && session.status !== "CANCELLED" ? (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t("sessions.manage")}</h2>
          {(actionData?.intent === "move" || actionData?.intent === "cancel") && actionData.result?.error ? (
            <div className="form-errors" role="alert">
              {Object.values(actionData.result.error)
                .flat()
                .filter(Boolean)
                .map((key) => (
                  <p key={String(key)}>{t(String(key))}</p>
                ))}
            </div>
          ) : null}
          <SessionConflictWarning intent="move" actionData={actionData} viewerZone={viewerZone} />
          <Form method="post" className="inline-fields">
            <input type="hidden" name="intent" value="move" />
            <label htmlFor="startLocal">{t("sessions.newTime")}</label>
            <input
              id="startLocal"
              name="startLocal"
              type="datetime-local"
              defaultValue={startLocal}
              required
            />
            <label htmlFor="timeZone">{t("sessions.zone")}</label>
            <select id="timeZone" name="timeZone" defaultValue={session.timeZone}>
              {ZONES.map((z) => (
                <option key={z} value={z}>
                  {abbreviationForIanaZone(z)}
                </option>
              ))}
            </select>
            <label htmlFor="durationMinutes">{t("sessions.duration")}</label>
            <input
              id="durationMinutes"
              name="durationMinutes"
              type="number"
              min={15}
              max={600}
              defaultValue={session.durationMinutes}
            />
            <button type="submit" className="button">
              {t("sessions.move")}
            </button>
          </Form>
          <SessionFallbackForm
            phone={session.fallbackPhone}
            url={session.fallbackUrl}
            actionData={actionData}
          />
          <details>
            <summary>{t("sessions.cancel")}</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <label htmlFor="reason">{t("sessions.cancelReason")}</label>
              <textarea id="reason" name="reason" rows={2} required />
              <button type="submit" className="button danger">
                {t("sessions.cancel")}
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
