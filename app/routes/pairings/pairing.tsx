import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type Action, can as canDo } from "~/auth/permissions";
import { assertInScope, requirePermission } from "~/auth/require-user.server";
import { FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import { PairingAdjustForm } from "~/components/pairing-adjust-form";
import { ReplicationSection } from "~/components/replication-section";
import { WorkStatusForm } from "~/components/work-status-form";
import {
  commitmentSchema,
  commitmentStatusSchema,
  NEW_PROJECT,
  commitmentToMilestoneSchema,
  followUpLink,
  pairingAdjustSchema,
  participantSchema,
  pairingTransitionSchema,
} from "~/modules/pairings/pairing-schemas";
import {
  addCommitment,
  convertCommitmentToMilestone,
  listMenteeProjectChoices,
  mayCommit,
  setCommitmentStatus,
} from "~/modules/pairings/commitments.server";
import { adjustPairing, listPairingRecordChoices } from "~/modules/pairings/create.server";
import { PAIRING_TRANSITIONS } from "~/modules/pairings/pairing-status";
import { addParticipant } from "~/modules/pairings/participants.server";
import { getPairingForUser, mayOnPairing } from "~/modules/pairings/queries.server";
import { transitionPairing } from "~/modules/pairings/transitions.server";
import {
  replicationItemSchema,
  replicationRemoveSchema,
  replicationResultSchema,
  replicationSummarySchema,
} from "~/modules/pairings/replication-schemas";
import {
  REPLICATION_STATUSES,
  addReplicationItem,
  addReplicationResult,
  getReplicationRecord,
  mayRecordReplication,
  removeReplicationItem,
  removeReplicationResult,
  setReplicationSummary,
} from "~/modules/pairings/replication.server";
import { type IntentResult, defineIntent, runIntents } from "~/utils/form-action.server";
import { formatDay, formatInstant } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";
import { abbreviationForIanaZone } from "~/utils/time-zones";
import { getLanguage } from "~/i18n/i18n.server";
import { listSessionsNeedingRecord } from "~/modules/sessions/session-record.server";
import { WhatsAppShareLink } from "~/components/whatsapp-share";
import { env } from "~/env.server";
import { sessionLinks, whatsAppSeriesMessage } from "~/modules/sessions/whatsapp-message";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pairing.topic} · Lintas` : "Lintas" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "pairing:read");
  const pairing = await getPairingForUser(scope, requireParam(params, "pairingId"));
  invariantResponse(pairing, "Not found", { status: 404 });
  const [manage, update, replicate, commit, convert, replication] = await Promise.all([
    mayOnPairing(scope.user, pairing.id, "pairing:create"),
    mayOnPairing(scope.user, pairing.id, "pairing:update"),
    mayRecordReplication(scope.user, pairing.id),
    mayCommit(scope.user, pairing.id),
    mayCommit(scope.user, pairing.id, { menteeOnly: true }),
    getReplicationRecord(pairing.id),
  ]);
  const over = pairing.status === "REPLICATED" || pairing.status === "CANCELLED";
  // while the pairing has no (running) mentee project, converting a commitment asks which one
  const menteeProject = pairing.menteeProject?.status === "STOPPED" ? null : pairing.menteeProject;
  const unconverted = pairing.commitments.some((c) => c.side === "MENTEE" && !c.milestone);
  const [recordChoices, projectChoices, needingRecord] = await Promise.all([
    manage && !over
      ? listPairingRecordChoices(pairing.mentorRegionCode, pairing.menteeRegionCode, pairing)
      : null,
    convert && !menteeProject && unconverted ? listMenteeProjectChoices(pairing.menteeRegionCode) : [],
    listSessionsNeedingRecord(scope.user, { pairingId: pairing.id, take: 50 }),
  ]);
  return {
    pairing,
    replication,
    replicationOpen: REPLICATION_STATUSES.includes(pairing.status),
    can: { manage, update, edit: manage || update, replicate, commit, convert, adjust: manage && !over },
    recordChoices,
    menteeProject,
    projectChoices,
    followUpHref: followUpLink(pairing.followUpChannel),
    ...splitSessions(pairing.sessions, new Date()),
    // past sessions still "Terjadwal" that the viewer may record by hand (held or not, who attended)
    needingRecord: needingRecord.sessions,
    moves: PAIRING_TRANSITIONS[pairing.status]
      .filter((m) => (m.action === "pairing:create" ? manage : manage || update))
      .map((m) => m.to),
    viewerZone: scope.user.timeZone ?? scope.user.region?.timeZone ?? pairing.menteeRegion.timeZone,
    // absolute links for the WhatsApp message of the sessions ahead (0058)
    appUrl: env.APP_URL,
  };
}

/**
 * Sessions still to come (not yet over by their scheduled end, a cancelled one too: it is listed
 * where its date is, marked cancelled) and the past ones, both in order of time. A session recorded
 * held or not held is past even before its scheduled end.
 */
function splitSessions<S extends { startsAt: Date; durationMinutes: number; status: string }>(
  sessions: S[],
  now: Date,
) {
  const isUpcoming = (s: S) =>
    s.status !== "HELD" &&
    s.status !== "NOT_HELD" &&
    s.startsAt.getTime() + s.durationMinutes * 60_000 > now.getTime();
  return {
    upcomingSessions: sessions.filter(isUpcoming),
    pastSessions: sessions.filter((s) => !isUpcoming(s)),
  };
}

/** Reading a pairing is not enough to post to it: every intent writes, under one of these. */
const WRITE_ACTIONS: Action[] = ["pairing:create", "pairing:update", "pairing:replicate", "pairing:commit"];

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "pairing:read");
  assertInScope(WRITE_ACTIONS.some((a) => canDo(scope.user.memberships, a)));
  const id = requireParam(params, "pairingId");
  return runIntents(await request.formData(), {
    transition: defineIntent(pairingTransitionSchema, async ({ to, cancelReason }) => {
      await transitionPairing(scope, id, to, cancelReason);
    }),
    adjust: defineIntent(pairingAdjustSchema, async ({ intent: _intent, ...adjustment }) => {
      await adjustPairing(scope, id, adjustment);
    }),
    participant: defineIntent(participantSchema, async ({ intent: _intent, ...participant }) => {
      await addParticipant(scope, id, participant);
    }),
    commitment: defineIntent(commitmentSchema, async ({ intent: _intent, ...commitment }) => {
      await addCommitment(scope, id, commitment);
    }),
    "commitment-status": defineIntent(commitmentStatusSchema, async ({ commitmentId, status }) => {
      await setCommitmentStatus(scope, id, commitmentId, status);
    }),
    "to-milestone": defineIntent(commitmentToMilestoneSchema, async ({ commitmentId, projectId }) => {
      await convertCommitmentToMilestone(scope, id, commitmentId, projectId);
    }),
    "replication-item": defineIntent(replicationItemSchema, async ({ intent: _intent, ...item }) => {
      await addReplicationItem(scope, id, item);
    }),
    "replication-result": defineIntent(
      async () => replicationResultSchema(await getLanguage(request)),
      async ({ intent: _intent, ...result }) => {
        await addReplicationResult(scope, id, result);
      },
    ),
    "replication-summary": defineIntent(replicationSummarySchema, async ({ intent: _intent, ...summary }) => {
      await setReplicationSummary(scope, id, summary);
    }),
    "replication-item-remove": defineIntent(replicationRemoveSchema, async ({ id: itemId }) => {
      await removeReplicationItem(scope, id, itemId);
    }),
    "replication-result-remove": defineIntent(replicationRemoveSchema, async ({ id: resultId }) => {
      await removeReplicationResult(scope, id, resultId);
    }),
  });
}

export default function PairingPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const {
    pairing,
    replication,
    replicationOpen,
    can,
    recordChoices,
    menteeProject,
    projectChoices,
    followUpHref,
    upcomingSessions,
    pastSessions,
    needingRecord,
    moves,
    viewerZone,
    appUrl,
  } = useLoaderData<typeof loader>();
  const sessionsAhead = upcomingSessions.filter((s) => s.status !== "CANCELLED");
  const actionData = useActionData<IntentResult>();
  const [participantForm, participant] = useForm({
    id: "participant",
    lastResult: actionData?.intent === "participant" ? actionData.result : undefined,
    defaultValue: { side: "MENTEE" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: participantSchema }),
  });
  const [commitmentForm, commitment] = useForm({
    id: "commitment",
    lastResult: actionData?.intent === "commitment" ? actionData.result : undefined,
    defaultValue: { side: "MENTEE" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commitmentSchema }),
  });
  const sides = [
    { side: "MENTOR", region: pairing.mentorRegion },
    { side: "MENTEE", region: pairing.menteeRegion },
  ] as const;
  const done = pairing.commitments.filter((c) => c.status === "DONE").length;
  const held = pairing.sessions.filter((s) => s.status === "HELD").length;
  const sideOptions = sides.map((s) => ({
    value: s.side,
    label: `${t(`pairings.side.${s.side}`)}: ${s.region.name}`,
  }));
  return (
    <main>
      <p className="muted">
        <Link to="/pasangan">{t("pairings.title")}</Link>
      </p>
      <h1>{pairing.topic}</h1>
      <p>
        <span className="badge">{t(`pairings.status.${pairing.status}`)}</span> ·{" "}
        <Link to={`/wilayah/${pairing.mentorRegion.code}`}>{pairing.mentorRegion.name}</Link> →{" "}
        <Link to={`/wilayah/${pairing.menteeRegion.code}`}>{pairing.menteeRegion.name}</Link>
        {pairing.facilitatorOrg ? ` · ${pairing.facilitatorOrg.name}` : ""}
        {pairing.supportingProgramme ? ` (${pairing.supportingProgramme})` : ""}
      </p>
      <p className="actions">
        <Link to={`/pasangan/${pairing.id}/laporan`} className="button">
          {t("pairingReport.open")}
        </Link>
      </p>
      {pairing.status === "CANCELLED" && pairing.cancelReason ? (
        <p>{t("pairings.cancelledBecause", { reason: pairing.cancelReason })}</p>
      ) : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("pairings.progress")}</h2>
        <ul className="stat-list">
          <li>
            <strong>
              {held} / {pairing.plannedSessions ?? pairing.sessions.length}
            </strong>{" "}
            {t("pairings.sessionsHeld")}
          </li>
          <li>
            <strong>
              {done} / {pairing.commitments.length}
            </strong>{" "}
            {t("pairings.commitmentsDone")}
          </li>
          <li>
            <strong>{pairing.lessons.length}</strong> {t("pairings.lessonsPublished")}
          </li>
        </ul>
        {pairing.goals ? <p className="prose">{pairing.goals}</p> : null}
        <dl className="facts">
          <dt>{t("pairings.method")}</dt>
          <dd>{t(`pairings.methods.${pairing.method}`)}</dd>
          <dt>{t("pairings.period")}</dt>
          <dd>
            {formatDay(pairing.periodStart, lng)} – {formatDay(pairing.periodEnd, lng)}
          </dd>
          {pairing.followUpChannel ? (
            <>
              <dt>{t("pairings.followUpChannel")}</dt>
              <dd>
                {followUpHref ? (
                  <a href={followUpHref} rel="noreferrer noopener">
                    {pairing.followUpChannel}
                  </a>
                ) : (
                  pairing.followUpChannel
                )}
              </dd>
            </>
          ) : null}
          {pairing.mentorProject ? (
            <>
              <dt>{t("pairings.mentorProject")}</dt>
              <dd>
                <Link to={`/proyek/${pairing.mentorProject.id}`}>{projectLabel(pairing.mentorProject)}</Link>
              </dd>
            </>
          ) : null}
          {pairing.practice ? (
            <>
              <dt>{t("pairings.practice")}</dt>
              <dd>
                <Link to={`/katalog/${pairing.practice.slug}`}>{pairing.practice.name}</Link>
              </dd>
            </>
          ) : null}
          <dt>{t("pairings.menteeProject")}</dt>
          <dd>
            {menteeProject ? (
              <Link to={`/proyek/${menteeProject.id}`}>{projectLabel(menteeProject)}</Link>
            ) : (
              t("pairings.noMenteeProject")
            )}
          </dd>
        </dl>
        {actionData?.intent === "transition" && actionData.result?.error?.[""] ? (
          <div className="form-errors" role="alert">
            {actionData.result.error[""].map((key) => (
              <p key={key}>{t(key)}</p>
            ))}
          </div>
        ) : null}
        {can.adjust && recordChoices ? (
          <PairingAdjustForm
            key={String(pairing.updatedAt)}
            pairing={pairing}
            choices={recordChoices}
            actionData={actionData}
          />
        ) : null}
        <div className="transition-forms">
          {moves
            .filter((to) => to !== "CANCELLED")
            .map((to) => (
              <Form method="post" key={to}>
                <input type="hidden" name="intent" value="transition" />
                <input type="hidden" name="to" value={to} />
                <button type="submit" className="button primary">
                  {t(`pairings.moveTo.${to}`)}
                </button>
              </Form>
            ))}
          {moves.includes("CANCELLED") ? (
            <details>
              <summary>{t("pairings.moveTo.CANCELLED")}</summary>
              <Form method="post">
                <input type="hidden" name="intent" value="transition" />
                <input type="hidden" name="to" value="CANCELLED" />
                <label htmlFor="cancelReason">{t("pairings.cancelReason")}</label>
                <textarea
                  id="cancelReason"
                  name="cancelReason"
                  rows={2}
                  aria-describedby={pairing.practiceId ? "cancelReason-hint" : undefined}
                />
                {pairing.practiceId ? (
                  <p id="cancelReason-hint" className="field-hint">
                    {t("pairings.cancelReasonHint")}
                  </p>
                ) : null}
                <button type="submit" className="button danger">
                  {t("pairings.moveTo.CANCELLED")}
                </button>
              </Form>
            </details>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="people-heading" className="two-columns">
        <h2 id="people-heading">{t("pairings.people")}</h2>
        {sides.map(({ side, region }) => (
          <div key={side}>
            <h3>
              {t(`pairings.side.${side}`)}: {region.name}{" "}
              <span className="muted">({abbreviationForIanaZone(region.timeZone)})</span>
            </h3>
            {(side === "MENTOR" ? pairing.mentorGroup : pairing.menteeGroup) ? (
              <p>
                {t("pairings.workingGroup")}:{" "}
                {(side === "MENTOR" ? pairing.mentorGroup : pairing.menteeGroup)?.name}
              </p>
            ) : null}
            <ul>
              {pairing.participants
                .filter((p) => p.side === side)
                .map((p) => (
                  <li key={p.id}>
                    {p.name}
                    {p.position ? `, ${p.position}` : ""}
                    {p.agency ? ` (${p.agency})` : ""}{" "}
                    {p.isLead ? <span className="badge">{t("pairings.lead")}</span> : null}
                  </li>
                ))}
            </ul>
          </div>
        ))}
        {can.edit ? (
          <Form method="post" {...getFormProps(participantForm)} className="inline-fields">
            <input type="hidden" name="intent" value="participant" />
            <FormErrors id={participantForm.errorId} errors={participantForm.errors} />
            <SelectField field={participant.side} label={t("pairings.sideLabel")} options={sideOptions} />
            <FormField field={participant.name} label={t("auth.fullName")} />
            <FormField field={participant.position} label={t("profile.position")} />
            <FormField field={participant.agency} label={t("projects.fields.organisation")} />
            <FormField field={participant.email} label={t("projects.memberEmail")} type="email" />
            <label>
              <input type="checkbox" name="isLead" /> {t("pairings.lead")}
            </label>
            <button type="submit" className="button">
              {t("pairings.addParticipant")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("pairings.sessions")}</h2>
        {can.manage ? (
          <p>
            <Link to={`/pasangan/${pairing.id}/sesi-baru`} className="button">
              {t("sessions.newSeries")}
            </Link>{" "}
            <Link to={`/pasangan/${pairing.id}/pilih-waktu`} className="button">
              {t("timePoll.link")}
            </Link>
          </p>
        ) : null}
        {pairing.sessions.length === 0 ? <p>{t("pairings.noSessions")}</p> : null}
        {needingRecord.length > 0 ? (
          <div>
            <h3 id="needing-record-heading">{t("sessionRecord.needingHeading")}</h3>
            <p>{t("sessionRecord.needingHint")}</p>
            <ul aria-labelledby="needing-record-heading">
              {needingRecord.map((s) => (
                <li key={s.id}>
                  <Link to={`/sesi/${s.id}#record-heading`}>
                    {t("sessionRecord.recordLink", { title: s.title })}
                  </Link>{" "}
                  · {formatInstant(s.startsAt, lng, viewerZone)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {[
          { key: "upcoming", heading: t("pairings.upcomingSessions"), list: upcomingSessions },
          { key: "past", heading: t("pairings.pastSessions"), list: pastSessions },
        ].map(({ key, heading, list }) =>
          list.length > 0 ? (
            <div key={key}>
              <h3>{heading}</h3>
              {key === "upcoming" && sessionsAhead.length > 0 ? (
                <p>
                  <WhatsAppShareLink
                    label={t("whatsapp.shareSeries")}
                    hint={t("whatsapp.shareHint")}
                    text={whatsAppSeriesMessage({
                      t: (k, options) => t(k, options),
                      language: lng,
                      title: `${pairing.topic}: ${pairing.mentorRegion.name} → ${pairing.menteeRegion.name}`,
                      clocks: [pairing.mentorRegion, pairing.menteeRegion].map((r) => ({
                        label: r.name,
                        timeZone: r.timeZone,
                      })),
                      sessions: sessionsAhead.map((s) => ({ ...s, links: sessionLinks(appUrl, s.id) })),
                    })}
                  />
                </p>
              ) : null}
              <ol>
                {list.map((s) => (
                  <li key={s.id}>
                    <Link to={`/sesi/${s.id}`}>{s.title}</Link> ·{" "}
                    {formatInstant(s.startsAt, lng, pairing.mentorRegion.timeZone)} /{" "}
                    {formatInstant(s.startsAt, lng, pairing.menteeRegion.timeZone)}
                    {viewerZone !== pairing.mentorRegion.timeZone &&
                    viewerZone !== pairing.menteeRegion.timeZone
                      ? ` / ${formatInstant(s.startsAt, lng, viewerZone)}`
                      : ""}{" "}
                    · {t(`sessions.status.${s.status}`)}
                  </li>
                ))}
              </ol>
            </div>
          ) : null,
        )}
      </section>

      <section aria-labelledby="commitments-heading">
        <h2 id="commitments-heading">{t("pairings.commitments")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("pairings.commitment")}</th>
              <th scope="col">{t("pairings.sideLabel")}</th>
              <th scope="col">{t("projects.dueDate")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">{t("pairings.milestone")}</th>
            </tr>
          </thead>
          <tbody>
            {pairing.commitments.map((c) => (
              <tr key={c.id}>
                <td>{c.title}</td>
                <td>{t(`pairings.side.${c.side}`)}</td>
                <td>{formatDay(c.dueDate, lng)}</td>
                <td>
                  {can.commit ? (
                    <WorkStatusForm
                      intent="commitment-status"
                      idName="commitmentId"
                      id={c.id}
                      status={c.status}
                    />
                  ) : (
                    t(`projects.workStatus.${c.status}`)
                  )}
                </td>
                <td>
                  {c.milestone ? (
                    <Link to={`/proyek/${c.milestone.projectId}/tonggak`}>{t("pairings.seeMilestone")}</Link>
                  ) : c.side === "MENTEE" && can.convert ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="to-milestone" />
                      <input type="hidden" name="commitmentId" value={c.id} />
                      {menteeProject ? null : (
                        <>
                          <label htmlFor={`project-${c.id}`}>{t("pairings.intoProject")}</label>
                          <select id={`project-${c.id}`} name="projectId" defaultValue={NEW_PROJECT}>
                            <option value={NEW_PROJECT}>
                              {t("pairings.newReplicationProject", { topic: pairing.topic })}
                            </option>
                            {projectChoices.map((p) => (
                              <option key={p.id} value={p.id}>
                                {projectLabel(p)}
                              </option>
                            ))}
                          </select>
                        </>
                      )}
                      <button type="submit" className="button small">
                        {t("pairings.toMilestone")}
                      </button>
                    </Form>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {actionData?.intent === "to-milestone" && actionData.result?.error?.[""] ? (
          <div className="form-errors" role="alert">
            {actionData.result.error[""].map((key) => (
              <p key={key}>{t(key)}</p>
            ))}
          </div>
        ) : null}
        {can.commit ? (
          <Form method="post" {...getFormProps(commitmentForm)} className="inline-fields">
            <input type="hidden" name="intent" value="commitment" />
            <FormErrors id={commitmentForm.errorId} errors={commitmentForm.errors} />
            <FormField field={commitment.title} label={t("pairings.commitment")} />
            <SelectField field={commitment.side} label={t("pairings.sideLabel")} options={sideOptions} />
            <FormField field={commitment.owner} label={t("projects.owner")} />
            <FormField field={commitment.dueDate} label={t("projects.dueDate")} type="date" />
            <button type="submit" className="button">
              {t("pairings.addCommitment")}
            </button>
          </Form>
        ) : null}
      </section>

      <ReplicationSection
        record={replication}
        canRecord={can.replicate}
        open={replicationOpen}
        actionData={actionData}
      />

      {pairing.lessons.length > 0 ? (
        <section aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">{t("pairings.lessons")}</h2>
          <ul>
            {pairing.lessons.map((l) => (
              <li key={l.slug}>
                <Link to={`/pelajaran/${l.slug}`}>{l.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

function projectLabel(project: { title: string; acronym: string | null }) {
  return project.acronym ? `${project.acronym}: ${project.title}` : project.title;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
