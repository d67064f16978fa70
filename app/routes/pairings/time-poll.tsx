import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/require-user.server";
import { AnswerSheet, PollGrid } from "~/components/time-poll";
import { WhatsAppShareLink } from "~/components/whatsapp-share";
import { env } from "~/env.server";
import { FieldErrors, FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import { RuleError } from "~/errors";
import { requireHost } from "~/modules/sessions/session-series.server";
import { SESSION_ZONES } from "~/modules/sessions/session-series-schemas";
import {
  answerTimePoll,
  findInviteeForUser,
  getAnswerSheet,
  getPollGrid,
  listParticipantsWithoutAccount,
  mayManagePolls,
  openTimePoll,
  pickTimePollSlot,
} from "~/modules/sessions/time-poll.server";
import { MAX_SLOTS, answerSchema, openPollSchema, pickSchema } from "~/modules/sessions/time-poll-schemas";
import { whatsAppPollMessage } from "~/modules/sessions/whatsapp-message";
import { titleMeta } from "~/i18n/translate";
import { InvalidWallClockError } from "~/utils/dates";
import { type IntentResult, defineIntent, done, runIntents } from "~/utils/form-action.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";
import { abbreviationForIanaZone } from "~/utils/time-zones";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "timePoll.title");

/**
 * The facilitator (poll:manage) sees the newest poll's grid and opens a new one; anyone else sees
 * only their own answer sheet, and only when they are asked (otherwise: not found).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const pairingId = requireParam(params, "pairingId");
  const viewerZone = user.timeZone ?? user.region?.timeZone ?? "Asia/Jakarta";
  if (await mayManagePolls(user, pairingId)) {
    const [host, grid, withoutAccount] = await Promise.all([
      requireHost(user, { pairingId }),
      getPollGrid(user, pairingId),
      listParticipantsWithoutAccount(pairingId),
    ]);
    return {
      manage: true as const,
      viewerZone,
      host: {
        label: host.label,
        backPath: host.backPath,
        zones: host.zones,
        defaultZone: host.defaultZone,
        invitees: host.invitees.filter((p) => p.id !== user.id),
        withoutAccount: withoutAccount.map((p) => ({ id: p.id, name: p.name, regionName: p.region.name })),
      },
      grid,
      sheet: null,
      // the poll page, shared in the pairing's WhatsApp group ("Bagikan ke WhatsApp", 0065)
      pollLink: `${env.APP_URL}/pasangan/${pairingId}/pilih-waktu`,
    };
  }
  const invitee = await findInviteeForUser(user.id, pairingId);
  invariantResponse(invitee, "Not found", { status: 404 });
  return {
    manage: false as const,
    viewerZone,
    host: null,
    grid: null,
    sheet: await getAnswerSheet(invitee.id),
  };
}

/** A slot that is past or that no clock shows belongs next to the slots. */
function refuseSlot(error: unknown) {
  if (error instanceof InvalidWallClockError) return { key: "errors.date", field: "slot" };
  if (error instanceof RuleError && error.key === "timePoll.errors.past")
    return { key: error.key, field: "slot" };
  return undefined;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const pairingId = requireParam(params, "pairingId");
  const here = `/pasangan/${pairingId}/pilih-waktu`;
  return runIntents(await request.formData(), {
    open: defineIntent(
      openPollSchema,
      async (value) => {
        await openTimePoll({ user }, pairingId, value);
        return redirect(here);
      },
      { refuse: refuseSlot },
    ),
    answer: defineIntent(answerSchema, async (value) => {
      const invitee = await findInviteeForUser(user.id, pairingId);
      invariantResponse(invitee, "Not found", { status: 404 });
      await answerTimePoll(invitee.id, value.answer);
      return done({ saved: true }, { resetForm: false });
    }),
    pick: defineIntent(pickSchema, async (value) => {
      await pickTimePollSlot({ user }, pairingId, value.slotId);
      return redirect(here);
    }),
  });
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

function OpenPollForm({
  host,
  actionData,
}: {
  host: NonNullable<LoaderData["host"]>;
  actionData?: IntentResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "open-poll",
    lastResult: actionData?.intent === "open" ? actionData.result : undefined,
    defaultValue: {
      title: t("sessions.defaultTitle"),
      timeZone: host.defaultZone,
      durationMinutes: "120",
      count: "1",
      intervalWeeks: "1",
      slot: Array.from({ length: MAX_SLOTS }, () => ""),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: openPollSchema }),
    shouldValidate: "onSubmit",
  });
  const slots = fields.slot.getFieldList();
  const guests = fields.guest.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="open-heading">
      <h2 id="open-heading">{t("timePoll.openHeading")}</h2>
      <p className="muted">{t("timePoll.openExplained")}</p>
      <input type="hidden" name="intent" value="open" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <FormField field={fields.title} label={t("sessions.seriesTitle")} />
      <SelectField
        field={fields.timeZone}
        label={t("timePoll.zoneEntered")}
        options={SESSION_ZONES.map((z) => ({ value: z, label: abbreviationForIanaZone(z) ?? z }))}
      />
      <fieldset aria-describedby={fields.slot.errors?.length ? fields.slot.errorId : undefined}>
        <legend>{t("timePoll.slots")}</legend>
        <p className="field-hint">{t("timePoll.slotsHint", { max: MAX_SLOTS })}</p>
        {slots.map((slot, index) => (
          <FormField
            key={slot.key}
            field={slot}
            type="datetime-local"
            label={t("timePoll.slotLabel", { number: index + 1 })}
          />
        ))}
        <FieldErrors id={fields.slot.errorId} errors={fields.slot.errors?.map((key) => t(key))} />
      </fieldset>
      {host.withoutAccount.length > 0 ? (
        <fieldset>
          <legend>{t("timePoll.guests")}</legend>
          <p className="field-hint">{t("timePoll.guestsHint")}</p>
          {host.withoutAccount.map((person) => (
            <FormField
              key={person.id}
              field={guests[person.id]}
              type="email"
              autoComplete="off"
              label={t("timePoll.guestEmail", { name: person.name, region: person.regionName })}
            />
          ))}
        </fieldset>
      ) : null}
      <FormField field={fields.durationMinutes} type="number" label={t("sessions.duration")} />
      <FormField field={fields.count} type="number" label={t("timePoll.count")} />
      <SelectField
        field={fields.intervalWeeks}
        label={t("sessions.every")}
        options={[
          { value: "1", label: t("sessions.weekly") },
          { value: "2", label: t("sessions.fortnightly") },
        ]}
      />
      <p className="muted">
        {host.invitees.length === 0
          ? t("timePoll.nobodyYet")
          : t("timePoll.asked", { names: host.invitees.map((p) => p.name).join(", ") })}
      </p>
      <button type="submit" className="button primary">
        {t("timePoll.open")}
      </button>
    </Form>
  );
}

export default function TimePollPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult & { saved?: boolean }>();
  const pickErrors = actionData?.intent === "pick" ? actionData.result?.error?.[""] : undefined;
  const answerErrors = actionData?.intent === "answer" ? actionData.result?.error : undefined;
  if (!data.manage) {
    const { sheet } = data;
    return (
      <main className="narrow">
        <p className="muted">
          <Link to={`/pasangan/${sheet.poll.pairing.id}`}>{sheet.poll.pairing.topic}</Link>
        </p>
        <h1>{t("timePoll.title")}</h1>
        <AnswerSheet data={sheet} saved={Boolean(actionData?.saved)} errors={answerErrors} />
      </main>
    );
  }
  const { host, grid } = data;
  return (
    <main>
      <p className="muted">
        <Link to={host.backPath}>{host.label}</Link>
      </p>
      <h1>{t("timePoll.title")}</h1>
      <FormErrors errors={pickErrors ?? undefined} />
      {grid ? <PollGrid data={grid} viewerZone={data.viewerZone} /> : <p>{t("timePoll.none")}</p>}
      {grid?.poll.status === "OPEN" ? (
        <p className="actions">
          <WhatsAppShareLink
            label={t("whatsapp.share")}
            text={whatsAppPollMessage({
              t: (key, options) => t(key, options),
              title: grid.poll.title,
              poll: data.pollLink,
              forGroup: true,
            })}
          />
        </p>
      ) : null}
      {grid?.poll.status === "DECIDED" ? (
        <p role="status" className="notice">
          {t("timePoll.decided")} <Link to={host.backPath}>{t("timePoll.toSessions")}</Link>
        </p>
      ) : null}
      {grid?.poll.status !== "OPEN" ? <OpenPollForm host={host} actionData={actionData} /> : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
