// Issue #22: a session is held when it was held (defect 1), sessions recorded by hand with who
// attended (defect 2), and a cancelled future session listed where its date is (item 6), through
// the real route loaders and actions on a real database.
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import id from "~/i18n/id.json";
import { lessonFormSchema } from "~/modules/lessons/lesson-schemas";
import { publishLesson, submitForReview } from "~/modules/lessons/publish.server";
import { saveLessonDraft } from "~/modules/lessons/workspace.server";
import { saveNote } from "~/modules/lessons/note.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { cancelSession } from "~/modules/sessions/reschedule.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as dashboardRoute from "~/routes/dashboards/index";
import * as pairingRoute from "~/routes/pairings/pairing";
import * as sessionRoute from "~/routes/sessions/session";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";
import { loadAppBuild } from "../fixtures/app-build";

type Actor = Awaited<ReturnType<typeof actorFor>>;
let facilitator: Actor;
let kendariOfficer: Actor;
let blitarOfficer: Actor;
let participant: Actor;
let stranger: { id: string };
let pairingId: string;
/** six weekly sessions from Monday 27 January 2020, 09.00 WITA */
let past: string[];
/** two sessions from Tuesday 5 January 2027 */
let future: string[];
let kendariGroupMember: string;

beforeAll(async () => {
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR", name: "Rina Wulandari" })).id);
  kendariOfficer = await actorFor(
    (await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", name: "Andi Kendari" })).id,
  );
  blitarOfficer = await actorFor(
    (
      await createPerson({
        role: "REGION_OFFICER",
        regionCode: "35.72",
        name: "Dewi Lestari",
        email: "dewi@blitar.test",
      })
    ).id,
  );
  participant = await actorFor(
    (await createPerson({ role: "PARTICIPANT", regionCode: "35.72", email: "peserta@blitar.test" })).id,
  );
  stranger = await createPerson({ role: "PARTICIPANT", regionCode: "74.05", name: "Orang Lain" });
  const pairing = await createPairing(facilitator, {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic: "L2T2",
    method: "PRIVATE_TELECONFERENCE",
  });
  pairingId = pairing.id;
  await addParticipant(facilitator, pairingId, {
    side: "MENTEE",
    name: "Dewi Lestari",
    email: "dewi@blitar.test",
    isLead: true,
  });
  await addParticipant(facilitator, pairingId, {
    side: "MENTEE",
    name: "Peserta Blitar",
    email: "peserta@blitar.test",
    isLead: false,
  });
  // the two Pokja: Kendari's has a member without an account, Blitar's has Dewi
  const kendariGroup = await prisma.workingGroup.create({
    data: {
      name: "Pokja Sanitasi Kota Kendari",
      regionCode: "74.71",
      members: { create: [{ name: "Ahmad Sanusi", position: "Kepala Bidang PUPR" }] },
    },
    include: { members: true },
  });
  kendariGroupMember = kendariGroup.members[0].id;
  const blitarGroup = await prisma.workingGroup.create({
    data: {
      name: "Pokja Sanitasi Kota Blitar",
      regionCode: "35.72",
      members: { create: [{ name: "Dewi Lestari", userId: blitarOfficer.user.id }] },
    },
  });
  await prisma.pairing.update({
    where: { id: pairingId },
    data: { mentorGroupId: kendariGroup.id, menteeGroupId: blitarGroup.id },
  });
  past = (
    await createSessionSeries(facilitator, {
      pairingId,
      title: "Teleconference L2T2",
      firstLocal: "2020-01-27T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 90,
      count: 6,
      intervalWeeks: 1,
    })
  ).sessions.map((s) => s.id);
  future = (
    await createSessionSeries(facilitator, {
      pairingId,
      title: "Lanjutan",
      firstLocal: "2027-01-05T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 90,
      count: 2,
      intervalWeeks: 1,
    })
  ).sessions.map((s) => s.id);
});

async function record(actor: Actor, sessionId: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams({ intent: "record" });
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  const request = formRequest(`/sesi/${sessionId}`, {}, await cookieFor(actor.user.id));
  return callRoute(
    sessionRoute.action,
    new Request(request.url, { method: "POST", headers: request.headers, body }),
    { sessionId },
  );
}

async function load<T>(
  route: { loader: Parameters<typeof callRoute>[0] },
  url: string,
  actor: Actor,
  params = {},
): Promise<T> {
  const response = await callRoute(route.loader, getRequest(url, await cookieFor(actor.user.id)), params);
  expect(response.status).toBe(200);
  return response.json();
}

type SessionPage = {
  session: { status: string; recordedBy: { name: string } | null; notHeldReason: string | null };
  minutes: { name: string; source: string; region: string | null }[];
  record: {
    started: boolean;
    candidates: { key: string; name: string; recorded: boolean; viaLiveKit: boolean }[];
  } | null;
};
type PairingPage = {
  upcomingSessions: { id: string; title: string; status: string }[];
  pastSessions: { id: string; title: string }[];
  needingRecord: { id: string }[];
  pairing: { sessions: { status: string }[] };
};
const sessionPage = (actor: Actor, id: string) =>
  load<SessionPage>(sessionRoute, `/sesi/${id}`, actor, { sessionId: id });
const pairingPage = (actor: Actor) =>
  load<PairingPage>(pairingRoute, `/pasangan/${pairingId}`, actor, { pairingId });

async function snapshot(sessionId: string) {
  return {
    session: await prisma.session.findUniqueOrThrow({ where: { id: sessionId } }),
    attendance: await prisma.attendance.findMany({ where: { sessionId }, orderBy: { id: "asc" } }),
    activities: await prisma.activityLog.count({ where: { subjectId: sessionId } }),
  };
}

describe("publishing a lesson (defect 1)", () => {
  it("leaves a future session scheduled: not counted held, still upcoming, still movable", async () => {
    const id = future[0];
    await saveNote(facilitator, id, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Persiapan sesi Januari 2027." }] }],
    });
    const form = lessonFormSchema.parse({
      title: "Persiapan lanjutan L2T2",
      summary: "Bahan yang disiapkan sebelum sesi",
      context: "Blitar menyiapkan Perwali.",
      mentorSteps: "2018: wajib bagi ASN",
      successFactors: "Komitmen kepala daerah",
      tags: "L2T2",
    });
    await saveLessonDraft(facilitator, id, form);
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    await submitForReview(facilitator, id, lesson.id);
    await publishLesson(facilitator, id, lesson.id, { slug: "persiapan-lanjutan-l2t2" });

    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");
    const page = await pairingPage(facilitator);
    expect(page.pairing.sessions.filter((s) => s.status === "HELD")).toHaveLength(0);
    expect(page.upcomingSessions.map((s) => s.id)).toContain(id);
    expect(page.pastSessions.map((s) => s.id)).not.toContain(id);
    // the move and cancel controls stay: a move still goes through
    const moved = await callRoute(
      sessionRoute.action,
      formRequest(
        `/sesi/${id}`,
        {
          intent: "move",
          startLocal: "2027-01-05T10:00",
          timeZone: "Asia/Makassar",
          durationMinutes: "90",
          confirm: "1",
        },
        await cookieFor(facilitator.user.id),
      ),
      { sessionId: id },
    );
    expect(moved.status).toBe(200);
  });
});

describe("recording a past session by hand (defect 2)", () => {
  it("lists the past sessions still scheduled on the pairing page and the dashboard, each a link to record it", async () => {
    const page = await pairingPage(facilitator);
    expect(page.needingRecord.map((s) => s.id)).toEqual(past);
    // on the dashboard, under "Yang perlu Anda lakukan": the oldest first, counted in full
    const dashboard = await load<{
      nextSteps: { lists: { kind: string; total: number; items: { id: string; href: string }[] }[] };
    }>(dashboardRoute, "/dasbor", facilitator);
    const toRecord = dashboard.nextSteps.lists.find((l) => l.kind === "sessionsToRecord");
    expect(toRecord?.items.map((s) => s.id)).toEqual(past.slice(0, 5));
    expect(toRecord?.items[0].href).toBe(`/sesi/${past[0]}#record-heading`);
    expect(toRecord?.total).toBe(6);
    // the host region's officer sees them too; the mentee region's officer and a participant do not
    expect((await pairingPage(kendariOfficer)).needingRecord).toHaveLength(6);
    expect((await pairingPage(blitarOfficer)).needingRecord).toEqual([]);
    // the session page offers the form to those who may record it, once the session has started
    const facilitatorView = await sessionPage(facilitator, past[1]);
    expect(facilitatorView.record?.started).toBe(true);
    expect(facilitatorView.record?.candidates.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Rina Wulandari", "Dewi Lestari", "Ahmad Sanusi"]),
    );
    expect((await sessionPage(blitarOfficer, past[1])).record).toBeNull();
    expect((await sessionPage(facilitator, future[1])).record?.started).toBe(false);
  });

  it("records a session on Zoom held, with invitees, a Pokja member without an account and a guest", async () => {
    const id = past[1];
    const response = await record(facilitator, id, {
      outcome: "HELD",
      attendees: [
        `user:${blitarOfficer.user.id}`,
        `user:${facilitator.user.id}`,
        `member:${kendariGroupMember}`,
      ],
      guests: "Ibu Sari (Bappenas)\n\n  Ibu Sari (Bappenas) ",
    });
    expect(response.status).toBe(200);
    const { session, attendance } = await snapshot(id);
    expect(session).toMatchObject({ status: "HELD", recordedById: facilitator.user.id, notHeldReason: null });
    expect(attendance.map((a) => [a.name, a.source, a.regionCode]).sort()).toEqual([
      ["Ahmad Sanusi", "MANUAL", "74.71"],
      ["Dewi Lestari", "MANUAL", "35.72"],
      ["Ibu Sari (Bappenas)", "MANUAL", null],
      ["Rina Wulandari", "MANUAL", null],
    ]);
    const view = await sessionPage(blitarOfficer, id);
    expect(view.session.recordedBy?.name).toBe("Rina Wulandari");
    expect(view.minutes.every((m) => m.source === "MANUAL")).toBe(true);
    // it no longer waits for a record
    expect((await pairingPage(facilitator)).needingRecord.map((s) => s.id)).not.toContain(id);
    // the form shows the record: the ticked people and the guest
    const again = await sessionPage(facilitator, id);
    expect(again.record?.candidates.filter((c) => c.recorded).map((c) => c.name)).toEqual([
      "Ahmad Sanusi",
      "Dewi Lestari",
      "Rina Wulandari",
    ]);
  });

  it("shows LiveKit's attendance beside the manual one, and keeps it when the record changes", async () => {
    const id = past[2];
    const session = await prisma.session.findUniqueOrThrow({ where: { id } });
    await prisma.attendance.create({
      data: {
        sessionId: id,
        userId: blitarOfficer.user.id,
        identity: blitarOfficer.user.id,
        name: "Dewi Lestari",
        regionCode: "35.72",
        joinedAt: session.startsAt,
        leftAt: new Date(session.startsAt.getTime() + 30 * 60_000),
        source: "LIVEKIT",
      },
    });
    // the room's webhook was down after 30 minutes: the host region's officer adds Kendari's Pokja by hand
    const response = await record(kendariOfficer, id, {
      outcome: "HELD",
      attendees: `member:${kendariGroupMember}`,
    });
    expect(response.status).toBe(200);
    const view = await sessionPage(facilitator, id);
    expect(view.minutes.map((m) => [m.name, m.source]).sort()).toEqual([
      ["Ahmad Sanusi", "MANUAL"],
      ["Dewi Lestari", "LIVEKIT"],
    ]);
    // Dewi is already present by LiveKit: not offered again
    expect(view.record?.candidates.find((c) => c.name === "Dewi Lestari")?.viaLiveKit).toBe(true);
    expect(view.session.recordedBy?.name).toBe("Andi Kendari");
    expect((await record(facilitator, id, { outcome: "HELD" })).status).toBe(200);
    expect((await prisma.attendance.findMany({ where: { sessionId: id } })).map((a) => a.source)).toEqual([
      "LIVEKIT",
    ]);
  });

  it("records a session not held, with its reason, and no one present", async () => {
    const id = past[3];
    await record(facilitator, id, { outcome: "HELD", attendees: `user:${facilitator.user.id}` });
    const missing = await record(facilitator, id, { outcome: "NOT_HELD", reason: "  " });
    expect(missing.status).toBe(400);
    expect((await missing.json()).result.error).toMatchObject({
      reason: ["sessionRecord.errors.reasonRequired"],
    });
    const response = await record(facilitator, id, {
      outcome: "NOT_HELD",
      reason: "Listrik padam di Blitar",
    });
    expect(response.status).toBe(200);
    const { session, attendance } = await snapshot(id);
    expect(session).toMatchObject({ status: "NOT_HELD", notHeldReason: "Listrik padam di Blitar" });
    expect(attendance).toEqual([]);
    const page = await pairingPage(facilitator);
    expect(page.pastSessions.map((s) => s.id)).toContain(id);
    expect(page.needingRecord.map((s) => s.id)).not.toContain(id);
  });

  it("refuses a future session, next to the outcome, and writes nothing", async () => {
    const id = future[1];
    const before = await snapshot(id);
    const response = await record(facilitator, id, {
      outcome: "HELD",
      attendees: `user:${facilitator.user.id}`,
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.intent).toBe("record");
    expect(body.result.error).toMatchObject({ outcome: ["sessionRecord.errors.future"] });
    // the person's input comes back with the error
    expect(body.result.initialValue).toMatchObject({ outcome: "HELD" });
    expect(await snapshot(id)).toEqual(before);
    // not held is not a way to cancel a future session either
    expect((await record(facilitator, id, { outcome: "NOT_HELD", reason: "Batal" })).status).toBe(400);
    expect(await snapshot(id)).toEqual(before);
  });

  it.each([
    ["no outcome", {}, "outcome", "errors.choice"],
    ["an unknown outcome", { outcome: "LIVE" }, "outcome", "errors.choice"],
    ["a forged attendee", { outcome: "HELD", attendees: "user:<script>" }, "attendees[0]", "errors.choice"],
    [
      "a guest line without a name",
      { outcome: "HELD", guests: "Ibu Sari\n1234" },
      "guests",
      "sessionRecord.errors.guestName",
    ],
    [
      "too many guests",
      { outcome: "HELD", guests: Array.from({ length: 51 }, (_, i) => `Tamu ${i}`).join("\n") },
      "guests",
      "sessionRecord.errors.tooManyGuests",
    ],
    [
      "attendees of a session not held",
      { outcome: "NOT_HELD", reason: "Banjir", attendees: `user:x` },
      "attendees",
      "sessionRecord.errors.notHeldAttendees",
    ],
    ["a reason too long", { outcome: "NOT_HELD", reason: "x".repeat(501) }, "reason", "errors.tooLong"],
  ])("refuses %s with a field error and writes nothing", async (_label, fields, field, key) => {
    const id = past[4];
    const before = await snapshot(id);
    const response = await record(facilitator, id, fields);
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toMatchObject({ [field]: [key] });
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses someone neither invited nor in the two Pokja (a guest is named instead)", async () => {
    const id = past[4];
    const before = await snapshot(id);
    const response = await record(facilitator, id, { outcome: "HELD", attendees: `user:${stranger.id}` });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toMatchObject({
      "": ["sessionRecord.errors.unknownAttendee"],
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("lets only the facilitator and the host region's officer record (403 otherwise, nothing written)", async () => {
    const id = past[5];
    const before = await snapshot(id);
    for (const actor of [blitarOfficer, participant]) {
      const response = await record(actor, id, { outcome: "HELD" });
      expect(response.status).toBe(403);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses a cancelled session", async () => {
    const id = past[5];
    await cancelSession(facilitator, id, "Diganti pertemuan tatap muka");
    const before = await snapshot(id);
    const response = await record(facilitator, id, { outcome: "HELD" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toMatchObject({ "": ["sessionRecord.errors.cancelled"] });
    expect(await snapshot(id)).toEqual(before);
    expect((await sessionPage(facilitator, id)).record).toBeNull();
  });
});

describe("the pairing page's lists (item 6)", () => {
  it("lists a cancelled future session among those to come, marked cancelled, not under past sessions", async () => {
    const id = future[1];
    await cancelSession(facilitator, id, "Bentrok dengan rapat anggaran");
    const page = await pairingPage(facilitator);
    expect(page.upcomingSessions.find((s) => s.id === id)?.status).toBe("CANCELLED");
    expect(page.pastSessions.map((s) => s.id)).not.toContain(id);
  });
});

describe("the pages, rendered as served (no JavaScript)", () => {
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    const started = await loadAppBuild();
    const build = started.build;
    const handler = createRequestHandler(build, "production");
    handle = (request) => handler(request);
  }, 180_000);

  async function html(path: string, actor: Actor, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("Cookie", await cookieFor(actor.user.id));
    const response = await handle(new Request(`http://lintas.test${path}`, { ...init, headers }));
    return { status: response.status, text: await response.text() };
  }

  it("shows the source beside each attendance and who recorded the session", async () => {
    const { status, text } = await html(`/sesi/${past[1]}`, blitarOfficer);
    expect(status).toBe(200);
    expect(text).toContain(id.sessionRecord.source);
    expect(text).toContain("dicatat manual oleh Rina Wulandari");
    expect(text).toContain("Ibu Sari (Bappenas)");
    expect(text).not.toContain('value="record"');
    const withLiveKit = await html(`/sesi/${past[2]}`, facilitator);
    expect(withLiveKit.text).toContain(`<td>${id.sessionRecord.sourceLiveKit}</td>`);
  });

  it("lists the sessions needing a record on the pairing page and the dashboard, linked to the form", async () => {
    for (const path of [`/pasangan/${pairingId}`, "/dasbor"]) {
      const { status, text } = await html(path, facilitator);
      expect(status).toBe(200);
      expect(text).toContain(id.sessionRecord.needingHeading);
      expect(text).toContain(`/sesi/${past[0]}#record-heading`);
    }
    const form = await html(`/sesi/${past[0]}`, facilitator);
    expect(form.text).toContain('id="record-heading"');
    expect(form.text).toContain('name="intent" value="record"');
    expect(form.text).toContain("Ahmad Sanusi");
  });

  it("answers a form posted without JavaScript for a future session with the message by the outcome", async () => {
    const session = await prisma.session.create({
      data: {
        pairingId,
        title: "Sesi 2028",
        startsAt: new Date("2028-03-01T01:00:00Z"),
        timeZone: "Asia/Makassar",
      },
    });
    const { status, text } = await html(`/sesi/${session.id}`, facilitator, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "record", outcome: "HELD" }).toString(),
    });
    expect(status).toBe(400);
    expect(text).toContain(id.sessionRecord.errors.future);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("SCHEDULED");
  });
});
