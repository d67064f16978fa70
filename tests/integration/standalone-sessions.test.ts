// Sessions that belong to no pairing: a change project's team meetings (from the project page) and a
// province's coordination meetings (from the province page), scheduled with the same series form;
// and the conflict warnings when a session is moved or someone is invited (warn, then confirm).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as pairingSeriesRoute from "~/routes/pairings/new-session";
import * as projectSeriesRoute from "~/routes/projects/new-session";
import * as projectSessionsRoute from "~/routes/projects/$projectId/sessions";
import * as provinceSeriesRoute from "~/routes/regions/new-session";
import * as regionRoute from "~/routes/regions/region";
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

type Person = { id: string; name: string; email: string };
let leader: Person;
let member: Person;
let coach: Person;
let outsider: Person;
let provinceOfficer: Person;
let kendariOfficer: Person;
let konselOfficer: Person;
let blitarOfficer: Person;
let facilitator: Person;
let projectId: string;
let pairingId: string;

const SERIES = {
  title: "Rapat tim",
  firstLocal: "2020-03-02T09:00",
  timeZone: "Asia/Makassar",
  durationMinutes: "60",
  count: "2",
  intervalWeeks: "1",
  agenda: "Kemajuan tonggak — Ketua tim",
};

function query(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString();
}

async function json(response: Response) {
  expect(response.status).toBeLessThan(500);
  return response.json();
}

async function inviteeIds(sessionId: string) {
  const rows = await prisma.sessionInvitee.findMany({ where: { sessionId }, select: { userId: true } });
  return rows.map((r) => r.userId).sort();
}

function postSession(sessionId: string, fields: Record<string, string>, cookie: string) {
  return callRoute(sessionRoute.action, formRequest(`/sesi/${sessionId}`, fields, cookie), { sessionId });
}

beforeAll(async () => {
  await ensureRegions();
  leader = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Andi Ketua" });
  member = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Budi Anggota" });
  coach = await createPerson({ role: "COACH", name: "Citra Coach" });
  outsider = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Orang Lain" });
  provinceOfficer = await createPerson({
    role: "REGION_OFFICER",
    regionCode: "74",
    name: "Koordinator Sultra",
  });
  kendariOfficer = await createPerson({
    role: "REGION_OFFICER",
    regionCode: "74.71",
    name: "Petugas Kendari",
  });
  konselOfficer = await createPerson({ role: "REGION_OFFICER", regionCode: "74.05", name: "Petugas Konsel" });
  blitarOfficer = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72", name: "Petugas Blitar" });
  facilitator = await createPerson({ role: "FACILITATOR", name: "Fasilitator" });
  projectId = (
    await prisma.changeProject.create({
      data: {
        title: "Layanan Terpadu",
        acronym: "LATER",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        leaderId: leader.id,
        coachId: coach.id,
        members: {
          create: [
            { userId: leader.id, name: leader.name },
            { userId: member.id, name: member.name },
            { name: "Tanpa Akun" },
          ],
        },
      },
    })
  ).id;
  const facilitatorActor = await actorFor(facilitator.id);
  pairingId = (
    await createPairing(facilitatorActor, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "Pairing rahasia",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
  await addParticipant(facilitatorActor, pairingId, {
    side: "MENTEE",
    name: member.name,
    email: member.email,
    isLead: false,
  });
});

describe("a change project's team sessions", () => {
  it("previews the dates with the project's people ticked, and their conflicts", async () => {
    // the member already has a pairing session the leader may not read at the first date
    await createSessionSeries(await actorFor(facilitator.id), {
      pairingId,
      title: "Sesi pasangan",
      firstLocal: "2020-03-02T09:30",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    const cookie = await cookieFor(leader.id);
    const data = await json(
      await callRoute(
        projectSeriesRoute.loader,
        getRequest(`/proyek/${projectId}/sesi-baru?${query(SERIES)}`, cookie),
        { projectId },
      ),
    );
    expect(data.host.kind).toBe("project");
    expect(data.host.defaultZone).toBe("Asia/Makassar");
    expect(data.host.invitees.map((p: Person) => p.name)).toEqual(["Budi Anggota", "Citra Coach"]);
    expect(data.preview.map((p: { startsAt: string }) => p.startsAt)).toEqual([
      "2020-03-02T01:00:00.000Z",
      "2020-03-09T01:00:00.000Z",
    ]);
    // who is busy is said; the title of a session the leader may not read is not
    expect(data.preview[0].conflicts).toEqual([
      expect.objectContaining({ title: null, people: ["Budi Anggota"] }),
    ]);
    expect(data.preview[1].conflicts).toEqual([]);
  });

  it("lets the leader schedule a series with the people ticked; it belongs to the project", async () => {
    const cookie = await cookieFor(leader.id);
    const response = await callRoute(
      projectSeriesRoute.action,
      formRequest(
        `/proyek/${projectId}/sesi-baru`,
        { ...SERIES, inviteesChosen: "1", invitee: member.id },
        cookie,
      ),
      { projectId },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/proyek/${projectId}/sesi`);
    const sessions = await prisma.session.findMany({
      where: { projectId },
      orderBy: { startsAt: "asc" },
      include: { agenda: true },
    });
    expect(sessions.map((s) => [s.title, s.startsAt.toISOString(), s.pairingId, s.hostRegionCode])).toEqual([
      ["Rapat tim 1", "2020-03-02T01:00:00.000Z", null, "74.71"],
      ["Rapat tim 2", "2020-03-09T01:00:00.000Z", null, "74.71"],
    ]);
    expect(sessions[0].agenda.map((a) => [a.title, a.presenter])).toEqual([
      ["Kemajuan tonggak", "Ketua tim"],
    ]);
    // the coach was unticked; an id that is not one of the project's people is ignored
    expect(await inviteeIds(sessions[0].id)).toEqual([leader.id, member.id].sort());
  });

  it("invites all the project's people with accounts when no choice was made", async () => {
    const { sessions } = await createSessionSeries(await actorFor(leader.id), {
      projectId,
      title: "Semua",
      firstLocal: "2020-04-06T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
      inviteeIds: undefined,
    });
    expect(await inviteeIds(sessions[0].id)).toEqual([leader.id, member.id, coach.id].sort());
    const forged = await createSessionSeries(await actorFor(leader.id), {
      projectId,
      title: "Palsu",
      firstLocal: "2020-04-13T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
      inviteeIds: [outsider.id, blitarOfficer.id],
    });
    expect(await inviteeIds(forged.sessions[0].id)).toEqual([leader.id]);
  });

  it("lists the sessions on the project's Sessions tab, for the team too", async () => {
    const data = await json(
      await callRoute(
        projectSessionsRoute.loader,
        getRequest(`/proyek/${projectId}/sesi`, await cookieFor(member.id)),
        { projectId },
      ),
    );
    expect(data.canSchedule).toBe(true);
    expect(data.sessions.map((s: { title: string }) => s.title)).toEqual([
      "Rapat tim 1",
      "Rapat tim 2",
      "Semua",
      "Palsu",
    ]);
    const coachView = await json(
      await callRoute(
        projectSessionsRoute.loader,
        getRequest(`/proyek/${projectId}/sesi`, await cookieFor(coach.id)),
        { projectId },
      ),
    );
    // the coach reads the project but does not schedule for it; sees the session they were invited to
    expect(coachView.canSchedule).toBe(false);
    expect(coachView.sessions.map((s: { title: string }) => s.title)).toEqual(["Semua"]);
  });

  it("refuses people outside the project, and those who may not host", async () => {
    const stranger = await callRoute(
      projectSeriesRoute.action,
      formRequest(`/proyek/${projectId}/sesi-baru`, SERIES, await cookieFor(outsider.id)),
      { projectId },
    );
    expect(stranger.status).toBe(404);
    const byCoach = await callRoute(
      projectSeriesRoute.loader,
      getRequest(`/proyek/${projectId}/sesi-baru`, await cookieFor(coach.id)),
      { projectId },
    );
    expect(byCoach.status).toBe(403);
    const byFacilitator = await callRoute(
      projectSeriesRoute.loader,
      getRequest(`/proyek/${projectId}/sesi-baru`, await cookieFor(facilitator.id)),
      { projectId },
    );
    expect(byFacilitator.status).toBe(200);
    expect(await prisma.session.count({ where: { projectId } })).toBe(4);
  });

  it("lets the leader manage the project's sessions but not a pairing session they are invited to", async () => {
    const session = await prisma.session.findFirstOrThrow({ where: { projectId, title: "Semua" } });
    const cookie = await cookieFor(leader.id);
    const page = await json(
      await callRoute(sessionRoute.loader, getRequest(`/sesi/${session.id}`, cookie), {
        sessionId: session.id,
      }),
    );
    expect(page.canManage).toBe(true);
    expect(page.session.project).toEqual(expect.objectContaining({ id: projectId, acronym: "LATER" }));
    const moved = await postSession(
      session.id,
      { intent: "move", startLocal: "2020-04-07T10:00", timeZone: "Asia/Makassar", durationMinutes: "60" },
      cookie,
    );
    expect(moved.status).toBe(200);
    expect(
      (await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).startsAt.toISOString(),
    ).toBe("2020-04-07T02:00:00.000Z");
    const pairingSession = await createSessionSeries(await actorFor(facilitator.id), {
      pairingId,
      title: "Sesi lain",
      firstLocal: "2020-05-04T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    const memberCookie = await cookieFor(member.id);
    const refused = await postSession(
      pairingSession.sessions[0].id,
      { intent: "cancel", reason: "tidak boleh" },
      memberCookie,
    );
    expect(refused.status).toBe(403);
    expect(
      (await prisma.session.findUniqueOrThrow({ where: { id: pairingSession.sessions[0].id } })).status,
    ).toBe("SCHEDULED");
  });
});

describe("a province's coordination meetings", () => {
  it("invites the province's kabupaten/kota officers by default", async () => {
    const data = await json(
      await callRoute(
        provinceSeriesRoute.loader,
        getRequest(
          `/wilayah/74/sesi-baru?${query({ ...SERIES, title: "Rakor", count: "1" })}`,
          await cookieFor(provinceOfficer.id),
        ),
        { code: "74" },
      ),
    );
    expect(data.host.kind).toBe("province");
    const names = data.host.invitees.map((p: Person) => p.name);
    expect(names).toContain("Petugas Kendari");
    expect(names).toContain("Petugas Konsel");
    expect(names).not.toContain("Petugas Blitar");
    const response = await callRoute(
      provinceSeriesRoute.action,
      formRequest(
        "/wilayah/74/sesi-baru",
        { ...SERIES, title: "Rakor", count: "1", firstLocal: "2020-06-01T09:00" },
        await cookieFor(provinceOfficer.id),
      ),
      { code: "74" },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/wilayah/74");
    const meeting = await prisma.session.findFirstOrThrow({ where: { title: "Rakor" } });
    expect([meeting.hostRegionCode, meeting.projectId, meeting.pairingId]).toEqual(["74", null, null]);
    const invited = await inviteeIds(meeting.id);
    expect(invited).toEqual(
      expect.arrayContaining([provinceOfficer.id, kendariOfficer.id, konselOfficer.id]),
    );
    expect(invited).not.toContain(blitarOfficer.id);
  });

  it("is scheduled only by the province's coordinators, facilitators and admins", async () => {
    for (const [person, status] of [
      [kendariOfficer, 403],
      [blitarOfficer, 403],
      [leader, 403],
      [facilitator, 200],
    ] as const) {
      const response = await callRoute(
        provinceSeriesRoute.loader,
        getRequest("/wilayah/74/sesi-baru", await cookieFor(person.id)),
        { code: "74" },
      );
      expect(response.status, person.name).toBe(status);
    }
    // a kabupaten/kota is no province
    const notProvince = await callRoute(
      provinceSeriesRoute.loader,
      getRequest("/wilayah/74.71/sesi-baru", await cookieFor(facilitator.id)),
      { code: "74.71" },
    );
    expect(notProvince.status).toBe(404);
  });

  it("lists the meetings on the province page for those who may see them", async () => {
    const forOfficer = await json(
      await callRoute(regionRoute.loader, getRequest("/wilayah/74", await cookieFor(kendariOfficer.id)), {
        code: "74",
      }),
    );
    expect(forOfficer.coordination.canSchedule).toBe(false);
    expect(forOfficer.coordination.sessions.map((s: { title: string }) => s.title)).toEqual(["Rakor"]);
    const forCoordinator = await json(
      await callRoute(regionRoute.loader, getRequest("/wilayah/74", await cookieFor(provinceOfficer.id)), {
        code: "74",
      }),
    );
    expect(forCoordinator.coordination.canSchedule).toBe(true);
    const anonymous = await json(
      await callRoute(regionRoute.loader, getRequest("/wilayah/74"), { code: "74" }),
    );
    expect(anonymous.coordination).toBeNull();
  });
});

describe("conflict warnings", () => {
  it("warns before moving a session onto another session of its invitees, and moves once confirmed", async () => {
    const cookie = await cookieFor(leader.id);
    const session = await prisma.session.findFirstOrThrow({ where: { projectId, title: "Rapat tim 2" } });
    // "Rapat tim 1" (2 March 09.00 WITA) has the same invitees
    const fields = {
      intent: "move",
      startLocal: "2020-03-02T09:30",
      timeZone: "Asia/Makassar",
      durationMinutes: "60",
    };
    const warned = await json(await postSession(session.id, fields, cookie));
    expect(warned.conflicts.map((c: { title: string }) => c.title)).toContain("Rapat tim 1");
    // the others who are busy (the leader moving it knows their own calendar)
    expect(warned.conflicts.find((c: { title: string }) => c.title === "Rapat tim 1").people).toEqual([
      "Budi Anggota",
    ]);
    expect(warned.resubmit).toEqual(expect.arrayContaining([["startLocal", "2020-03-02T09:30"]]));
    const unchanged = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(unchanged.startsAt.toISOString()).toBe("2020-03-09T01:00:00.000Z");
    expect(unchanged.sequence).toBe(session.sequence);

    const confirmed = await postSession(session.id, { ...fields, confirm: "1" }, cookie);
    expect(confirmed.status).toBe(200);
    expect(
      (await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).startsAt.toISOString(),
    ).toBe("2020-03-02T01:30:00.000Z");
  });

  it("moves without a warning when nobody is busy, and answers an impossible date next to the field", async () => {
    const cookie = await cookieFor(leader.id);
    const session = await prisma.session.findFirstOrThrow({ where: { projectId, title: "Palsu" } });
    const free = await json(
      await postSession(
        session.id,
        { intent: "move", startLocal: "2020-08-03T09:00", timeZone: "Asia/Makassar", durationMinutes: "60" },
        cookie,
      ),
    );
    expect(free.conflicts).toBeUndefined();
    const impossible = await postSession(
      session.id,
      { intent: "move", startLocal: "2020-02-30T09:00", timeZone: "Asia/Makassar", durationMinutes: "60" },
      cookie,
    );
    expect(impossible.status).toBe(400);
    expect((await impossible.json()).result.error).toEqual({ startLocal: ["errors.date"] });
    // the same date sent as confirmed (no conflict check first) is refused the same way, not a 500
    const confirmed = await postSession(
      session.id,
      {
        intent: "move",
        startLocal: "2020-02-30T09:00",
        timeZone: "Asia/Makassar",
        durationMinutes: "60",
        confirm: "1",
      },
      cookie,
    );
    expect(confirmed.status).toBe(400);
    expect((await confirmed.json()).result.error).toEqual({ startLocal: ["errors.date"] });
  });

  it("warns before inviting someone who already has a session then, and invites once confirmed", async () => {
    const cookie = await cookieFor(facilitator.id);
    const meeting = await prisma.session.findFirstOrThrow({ where: { title: "Rakor" } });
    // Blitar's officer has a session at the meeting's time
    const { sessions } = await createSessionSeries(await actorFor(facilitator.id), {
      pairingId,
      title: "Sesi Blitar",
      firstLocal: "2020-06-01T08:30",
      timeZone: "Asia/Jakarta",
      durationMinutes: 90,
      count: 1,
      intervalWeeks: 1,
    });
    await prisma.sessionInvitee.create({ data: { sessionId: sessions[0].id, userId: blitarOfficer.id } });
    const fields = { intent: "invite", emails: blitarOfficer.email };
    const warned = await json(await postSession(meeting.id, fields, cookie));
    expect(warned.conflicts).toEqual([
      expect.objectContaining({ title: "Sesi Blitar", people: ["Petugas Blitar"] }),
    ]);
    expect(await inviteeIds(meeting.id)).not.toContain(blitarOfficer.id);

    const confirmed = await json(await postSession(meeting.id, { ...fields, confirm: "1" }, cookie));
    expect(confirmed.added).toBe(1);
    expect(await inviteeIds(meeting.id)).toContain(blitarOfficer.id);
    // inviting someone already invited warns of nothing
    const again = await json(await postSession(meeting.id, fields, cookie));
    expect(again.conflicts).toBeUndefined();
  });

  it("still previews a pairing's series through the shared form", async () => {
    const data = await json(
      await callRoute(
        pairingSeriesRoute.loader,
        getRequest(`/pasangan/${pairingId}/sesi-baru?${query(SERIES)}`, await cookieFor(facilitator.id)),
        { pairingId },
      ),
    );
    expect(data.host.kind).toBe("pairing");
    expect(data.host.zones).toEqual(["Asia/Makassar", "Asia/Jakarta"]);
    expect(data.host.invitees.map((p: Person) => p.name)).toEqual(["Budi Anggota"]);
    // the member's own project meeting at that time is a conflict the facilitator may read
    expect(data.preview[0].conflicts.map((c: { title: string }) => c.title)).toEqual(
      expect.arrayContaining(["Rapat tim 1"]),
    );
  });
});
