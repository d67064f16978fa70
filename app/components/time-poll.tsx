// A time poll's two views: an invitee's answer sheet (plain radio buttons, works without
// JavaScript) and the facilitator's grid with a pick per slot. Every slot is shown in the viewer's
// own zone with the zone named, and the other side's clock beside it, with its date when the day
// differs (23.30 WIT on Tuesday is 21.30 WIB the same day; 00.30 WIT on Wednesday is 22.30 WIB on
// Tuesday).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors } from "~/components/ui/form-field";
import { TableScroll } from "~/components/ui/table-scroll";
import { POLL_CHOICES, type PollChoice } from "~/modules/sessions/time-poll-schemas";
import { formatDate, formatInstant, formatTime, zoneName } from "~/utils/dates";

type Conflict = { id: string; title: string | null; startsAt: string; people: string[] };

type PollSummary = {
  title: string;
  status: "OPEN" | "DECIDED";
  durationMinutes: number;
  count: number;
  intervalWeeks: number;
  chosenSlotId: string | null;
  pairing: { id: string; topic: string; sides: { name: string; timeZone: string }[] };
};

export type AnswerSheetData = {
  invitee: { id: string; name: string; zone: string };
  poll: PollSummary;
  slots: { id: string; startsAt: string; choice: PollChoice | null; conflicts: Conflict[] }[];
};

export type PollGridData = {
  poll: PollSummary;
  invitees: { id: string; name: string; zone: string; hasAccount: boolean }[];
  slots: {
    id: string;
    startsAt: string;
    counts: Record<PollChoice, number>;
    unanswered: number;
    choices: (PollChoice | null)[];
    conflicts: Conflict[];
  }[];
};

/** The slot on the viewer's clock, then on each other zone of the pairing (with the date if it differs). */
export function SlotTime({ startsAt, zone, zones }: { startsAt: string; zone: string; zones: string[] }) {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  const others = [...new Set(zones)].filter((z) => z !== zone);
  const ownDay = formatDate(startsAt, zone, lng);
  return (
    <>
      <strong>{formatInstant(startsAt, zone, lng)}</strong>
      {others.map((other) => (
        <span key={other} className="muted">
          {" · "}
          {formatDate(startsAt, other, lng) === ownDay
            ? formatTime(startsAt, other, lng)
            : formatInstant(startsAt, other, lng)}
        </span>
      ))}
    </>
  );
}

function ConflictNote({ conflicts, zone }: { conflicts: Conflict[]; zone: string }) {
  const { t, i18n } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <p className="badge badge-risk">
      {t("timePoll.conflict", {
        items: conflicts
          .map((c) =>
            t("sessionConflicts.item", {
              people: c.people.join(", "),
              title: c.title ?? t("hostedSessions.otherSession"),
              time: formatInstant(c.startsAt, zone, i18n.language),
            }),
          )
          .join("; "),
      })}
    </p>
  );
}

function PollFacts({ poll }: { poll: PollSummary }) {
  const { t } = useTranslation();
  return (
    <p className="muted">
      {t("timePoll.facts", { minutes: poll.durationMinutes })}{" "}
      {poll.count > 1
        ? t("timePoll.seriesFacts", { count: poll.count, weeks: poll.intervalWeeks })
        : t("timePoll.singleFacts")}
    </p>
  );
}

/** One fieldset per slot, yes / if need be / no; posts intent=answer to the page it is on. */
export function AnswerSheet({
  data,
  saved,
  errors,
}: {
  data: AnswerSheetData;
  saved: boolean;
  /** the answer post's errors by field ("answer.<slotId>"), message keys */
  errors?: Record<string, string[] | null>;
}) {
  const { t, i18n } = useTranslation();
  const { invitee, poll, slots } = data;
  const zones = poll.pairing.sides.map((s) => s.timeZone);
  const open = poll.status === "OPEN";
  return (
    <section aria-labelledby="sheet-heading">
      <h2 id="sheet-heading">{t("timePoll.sheetHeading", { name: invitee.name })}</h2>
      <PollFacts poll={poll} />
      <p>{t("timePoll.ownZone", { zone: zoneName(invitee.zone, i18n.language) })}</p>
      {saved ? (
        <p role="status" className="notice">
          {t("timePoll.saved")}
        </p>
      ) : null}
      {!open ? (
        <p role="status" className="notice">
          {t("timePoll.closed")}
        </p>
      ) : null}
      <FormErrors errors={[...(errors?.[""] ?? []), ...(errors?.answer ?? [])]} />
      <Form method="post">
        <input type="hidden" name="intent" value="answer" />
        {slots.map((slot) => (
          <fieldset key={slot.id} className="card" disabled={!open}>
            <legend>
              <SlotTime startsAt={slot.startsAt} zone={invitee.zone} zones={zones} />
              {poll.chosenSlotId === slot.id ? ` (${t("timePoll.chosen")})` : null}
            </legend>
            <div>
              {POLL_CHOICES.map((choice) => (
                <label key={choice}>
                  <input
                    type="radio"
                    name={`answer.${slot.id}`}
                    value={choice}
                    defaultChecked={slot.choice === choice}
                    required
                  />{" "}
                  {t(`timePoll.choice.${choice}`)}
                </label>
              ))}
            </div>
            <FieldErrors errors={errors?.[`answer.${slot.id}`]?.map((key) => t(key))} />
            <ConflictNote conflicts={slot.conflicts} zone={invitee.zone} />
          </fieldset>
        ))}
        {open ? (
          <button type="submit" className="button primary">
            {t("timePoll.send")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}

/** Counts per slot, each person's answer, the conflicts, and a pick button per slot while open. */
export function PollGrid({ data, viewerZone }: { data: PollGridData; viewerZone: string }) {
  const { t } = useTranslation();
  const { poll, invitees, slots } = data;
  const zones = poll.pairing.sides.map((s) => s.timeZone);
  const open = poll.status === "OPEN";
  return (
    <section aria-labelledby="grid-heading">
      <h2 id="grid-heading">{t("timePoll.gridHeading", { title: poll.title })}</h2>
      <PollFacts poll={poll} />
      <TableScroll label={t("timePoll.gridHeading", { title: poll.title })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("timePoll.slot")}</th>
              <th scope="col">{t("timePoll.counts")}</th>
              {invitees.map((person) => (
                <th key={person.id} scope="col">
                  {person.name}
                  {person.hasAccount ? null : <span className="muted"> {t("timePoll.noAccount")}</span>}
                </th>
              ))}
              {open ? <th scope="col">{t("timePoll.pick")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slot.id}>
                <th scope="row">
                  <SlotTime startsAt={slot.startsAt} zone={viewerZone} zones={zones} />
                  {poll.chosenSlotId === slot.id ? (
                    <span className="badge"> {t("timePoll.chosen")}</span>
                  ) : null}
                  <ConflictNote conflicts={slot.conflicts} zone={viewerZone} />
                </th>
                <td>
                  {t("timePoll.countLine", {
                    yes: slot.counts.YES,
                    maybe: slot.counts.IF_NEED_BE,
                    no: slot.counts.NO,
                  })}
                  {slot.unanswered > 0 ? (
                    <span className="muted"> {t("timePoll.unanswered", { count: slot.unanswered })}</span>
                  ) : null}
                </td>
                {slot.choices.map((choice, index) => (
                  <td key={invitees[index].id}>{choice ? t(`timePoll.choice.${choice}`) : "—"}</td>
                ))}
                {open ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="pick" />
                      <input type="hidden" name="slotId" value={slot.id} />
                      <button type="submit" className="button small">
                        {t("timePoll.pickThis")}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
