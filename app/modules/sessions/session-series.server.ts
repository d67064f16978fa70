// The loader and the write behind every "schedule sessions" page: a pairing's, a change project's
// team, a province's coordination meeting. One implementation; the routes say what the host is and
// answer the post (runIntents).
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import type { Scope } from "~/auth/require-user.server";
import { OutOfScopeError } from "~/errors";
import { chosenInviteeIds, parseAgenda, seriesSchema } from "~/modules/sessions/session-series-schemas";
import {
  type HostInfo,
  type SessionHost,
  createSessionSeries,
  getSessionHostForUser,
  previewSeries,
} from "~/modules/sessions/schedule.server";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { InvalidWallClockError } from "~/utils/dates";
import { invariantResponse } from "~/utils/invariant";

type SeriesForm = z.output<typeof seriesSchema>;

/** The host, or 404 (missing or outside the person's scope) / 403 (a province they do not coordinate). */
export async function requireHost(user: CurrentUser, host: SessionHost): Promise<HostInfo> {
  try {
    const info = await getSessionHostForUser(user, host);
    invariantResponse(info, "Not found", { status: 404 });
    return info;
  } catch (error) {
    if (error instanceof OutOfScopeError) throw new Response("Forbidden", { status: 403 });
    throw error;
  }
}

/** The form's values from the query string, and the dates it gives with each one's conflicts. */
export async function loadSeriesForm(request: Request, { user }: Pick<Scope, "user">, host: SessionHost) {
  const info = await requireHost(user, host);
  const url = new URL(request.url);
  const submission = url.searchParams.has("firstLocal")
    ? parseWithZod(url.searchParams, { schema: seriesSchema })
    : null;
  let preview: Awaited<ReturnType<typeof previewSeries>> = [];
  let previewError: string | null = null;
  if (submission?.status === "success") {
    try {
      // every default invitee is checked: the preview says who to untick
      preview = await previewSeries(user, info, submission.value);
    } catch (error) {
      if (!(error instanceof InvalidWallClockError)) throw error;
      previewError = "errors.date";
    }
  }
  return {
    host: {
      kind: info.kind,
      label: info.label,
      backPath: info.backPath,
      zones: info.zones,
      defaultZone: info.defaultZone,
      invitees: info.invitees.filter((p) => p.id !== user.id),
    },
    values: Object.fromEntries(url.searchParams),
    errors: submission?.status === "error" ? submission.error : null,
    preview: preview.map((p) => ({
      ...p,
      conflicts: p.conflicts.map((c) => ({ id: c.id, title: c.title, people: c.people })),
    })),
    previewError,
  };
}

/** Creates the series of a valid form; throws InvalidWallClockError for a date that does not exist. */
export async function createSeriesFromForm(
  scope: Pick<Scope, "user">,
  host: SessionHost,
  series: SeriesForm,
) {
  const { skip, agenda, inviteesChosen, invitee, ...input } = series;
  // the dates are taken in the Indonesian zone chosen; the "skip" boxes remove dates from the series;
  // a second submit of the same form (double click, resend) finds the series made by the first
  await createSessionSeries(
    scope,
    {
      ...input,
      ...host,
      skipDates: skip,
      agenda: parseAgenda(agenda),
      inviteeIds: chosenInviteeIds({ inviteesChosen, invitee }),
    },
    { reuseSame: true },
  );
}
