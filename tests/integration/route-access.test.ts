// Every route × every role (and anonymous): allowed, sent to sign-in, or refused.
// A route file missing from ACCESS fails the test, so a new route cannot skip its permission check.
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import {
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

type Who = "anonymous" | Role;
const EVERYONE: Who[] = [
  "anonymous",
  "ADMIN",
  "FACILITATOR",
  "REGION_OFFICER",
  "PARTICIPANT",
  "COACH",
  "MENTOR",
  "VIEWER",
];
const SIGNED_IN = EVERYONE.filter((who) => who !== "anonymous");

/** who may call the loader (GET) and the action (POST); the rest get a sign-in redirect (anonymous) or 403 */
type Rule = { path: string; params?: Record<string, string>; loader?: Who[]; action?: Who[] };

const ACCESS: Record<string, Rule> = {
  "home.tsx": { path: "/", loader: EVERYONE },
  "not-found.tsx": { path: "/tidak-ada", params: { "*": "tidak-ada" }, loader: EVERYONE, action: EVERYONE },
  "healthz.ts": { path: "/healthz", loader: EVERYONE },
  "accounts/sign-in.tsx": { path: "/masuk", loader: EVERYONE, action: EVERYONE },
  "accounts/sign-out.tsx": { path: "/keluar", loader: EVERYONE, action: EVERYONE },
  "accounts/forgot-password.tsx": { path: "/lupa-sandi", loader: EVERYONE, action: EVERYONE },
  "accounts/reset-password.tsx": {
    path: "/lupa-sandi/x",
    params: { token: "x" },
    loader: EVERYONE,
    action: EVERYONE,
  },
  "accounts/invitation.tsx": {
    path: "/undangan/x",
    params: { token: "x" },
    loader: EVERYONE,
    action: EVERYONE,
  },
  "accounts/profile.tsx": { path: "/profil", loader: SIGNED_IN, action: SIGNED_IN },
  "accounts/notifications.tsx": { path: "/notifikasi", loader: SIGNED_IN, action: SIGNED_IN },
  // the review queue: "lesson:review" (facilitators all; others the pairings they lead, maybe none)
  "lessons/review.tsx": {
    path: "/tinjauan",
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "COACH", "MENTOR"],
  },
  "dashboards/index.tsx": { path: "/dasbor", loader: SIGNED_IN },
  // the test people of region-scoped roles belong to 74.71 (Kota Kendari, province 74)
  "dashboards/region.tsx": {
    path: "/dasbor/wilayah/74.71",
    params: { code: "74.71" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "VIEWER"],
  },
  "dashboards/region-report.tsx": {
    path: "/dasbor/wilayah/74.71/laporan",
    params: { code: "74.71" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "VIEWER"],
  },
  "dashboards/province.tsx": {
    path: "/dasbor/provinsi/74",
    params: { code: "74" },
    loader: ["ADMIN", "FACILITATOR"],
  },
  // an unknown cohort: 404 (allowed) for people with dashboards, 403 for the rest
  "dashboards/cohort.tsx": {
    path: "/dasbor/angkatan/x",
    params: { cohortId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "COACH", "MENTOR", "VIEWER"],
  },
  "dashboards/cohort-report.tsx": {
    path: "/dasbor/angkatan/x/laporan",
    params: { cohortId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "COACH", "MENTOR", "VIEWER"],
  },
  "projects/index.tsx": { path: "/proyek", loader: SIGNED_IN },
  "projects/$projectId/layout.tsx": { path: "/proyek/x", params: { projectId: "x" }, loader: SIGNED_IN },
  "projects/export.csv.ts": { path: "/proyek.csv", loader: SIGNED_IN },
  "projects/new.tsx": {
    path: "/proyek/baru",
    loader: ["ADMIN", "REGION_OFFICER", "PARTICIPANT"],
    action: ["ADMIN", "REGION_OFFICER", "PARTICIPANT"],
  },
  "projects/$projectId/overview.tsx": {
    path: "/proyek/x",
    params: { projectId: "x" },
    loader: EVERYONE,
    action: SIGNED_IN,
  },
  "projects/$projectId/team.tsx": {
    path: "/proyek/x/tim",
    params: { projectId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "projects/$projectId/milestones.tsx": {
    path: "/proyek/x/tonggak",
    params: { projectId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "projects/$projectId/indicators.tsx": {
    path: "/proyek/x/indikator",
    params: { projectId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "projects/$projectId/timeline.tsx": {
    path: "/proyek/x/linimasa",
    params: { projectId: "x" },
    loader: SIGNED_IN,
  },
  "projects/$projectId/report.pdf.ts": {
    path: "/proyek/x/laporan.pdf",
    params: { projectId: "x" },
    loader: SIGNED_IN,
  },
  "projects/$projectId/report.docx.ts": {
    path: "/proyek/x/laporan.docx",
    params: { projectId: "x" },
    loader: SIGNED_IN,
  },
  "projects/$projectId/change-report.pdf.ts": {
    path: "/proyek/x/laporan-aksi-perubahan.pdf",
    params: { projectId: "x" },
    loader: SIGNED_IN,
  },
  // public for projects with a public follow-up page; an unknown project is 404 for everyone
  "projects/$projectId/cover.ts": {
    path: "/proyek/x/sampul",
    params: { projectId: "x" },
    loader: EVERYONE,
  },
  "projects/evidence-file.ts": { path: "/bukti/x", params: { file: "x" }, loader: SIGNED_IN },
  // public once one of its projects is public; an unknown event is 404 for everyone
  "projects/launch-event.tsx": {
    path: "/peluncuran/x",
    params: { launchEventId: "x" },
    loader: EVERYONE,
  },
  "pairings/index.tsx": {
    path: "/pasangan",
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "VIEWER"],
  },
  "pairings/new.tsx": {
    path: "/pasangan/baru",
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  // posting needs a write permission besides reading (a viewer only reads); each intent then
  // checks its own on the pairing itself
  "pairings/pairing.tsx": {
    path: "/pasangan/x",
    params: { pairingId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "VIEWER"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
  },
  "pairings/report.tsx": {
    path: "/pasangan/x/laporan",
    params: { pairingId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "VIEWER"],
  },
  "pairings/report.csv.ts": {
    path: "/pasangan/x/laporan.csv",
    params: { pairingId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "VIEWER"],
  },
  "pairings/new-session.tsx": {
    path: "/pasangan/x/sesi-baru",
    params: { pairingId: "x" },
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  // a time poll: its grid for poll:manage, else the signed-in person's own answer sheet when asked
  // (any role may be a pairing's participant): 404 for everyone else, checked on the poll itself
  "pairings/time-poll.tsx": {
    path: "/pasangan/x/pilih-waktu",
    params: { pairingId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  // public: the personal token in the address is the permission (an unknown one is 404)
  "pairings/time-poll-answer.tsx": {
    path: "/pilih-waktu/x",
    params: { token: "x" },
    loader: EVERYONE,
    action: EVERYONE,
  },
  "sessions/session.tsx": {
    path: "/sesi/x",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
    // a pairing's sessions (session:create) or stand-alone ones (session:host); the model checks which
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
  },
  // stand-alone sessions: an unknown project is 404 (allowed) for those who may host sessions
  "projects/new-session.tsx": {
    path: "/proyek/x/sesi-baru",
    params: { projectId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
  },
  "projects/$projectId/sessions.tsx": {
    path: "/proyek/x/sesi",
    params: { projectId: "x" },
    loader: SIGNED_IN,
  },
  // a province's coordination meeting: its coordinators (the test officers are of 74.71), facilitators, admins
  "regions/new-session.tsx": {
    path: "/wilayah/74/sesi-baru",
    params: { code: "74" },
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  "sessions/calendar.ics.ts": {
    path: "/sesi/x/kalender.ics",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
  },
  "sessions/mentions.ts": {
    path: "/sesi/x/sebutan",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
  },
  "sessions/room.tsx": {
    path: "/sesi/x/ruang",
    params: { sessionId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "COACH", "MENTOR"],
  },
  "sessions/notes.tsx": {
    path: "/sesi/x/catatan",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "sessions/calendar-feed.ts": { path: "/kalender/x.ics", params: { token: "x.ics" }, loader: EVERYONE },
  "sessions/livekit-webhook.ts": { path: "/api/livekit/webhook", loader: EVERYONE, action: EVERYONE },
  "catalogue/index.tsx": { path: "/katalog", loader: EVERYONE },
  "catalogue/export.csv.ts": { path: "/katalog.csv", loader: EVERYONE },
  "catalogue/export.json.ts": { path: "/katalog.json", loader: EVERYONE },
  "catalogue/practice-data.json.ts": {
    path: "/katalog/x/data.json",
    params: { slug: "x" },
    loader: EVERYONE,
  },
  "catalogue/feed.atom.ts": { path: "/katalog/feed.atom", loader: EVERYONE },
  "catalogue/practice.tsx": { path: "/katalog/x", params: { slug: "x" }, loader: EVERYONE, action: EVERYONE },
  "catalogue/new.tsx": {
    path: "/katalog/baru",
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
  },
  "catalogue/manage.tsx": {
    path: "/katalog/kelola",
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
  },
  "catalogue/manage-practice.tsx": {
    path: "/katalog/kelola/x",
    params: { id: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
  },
  "regions/innovations.csv.ts": {
    path: "/wilayah/74.71/inovasi.csv",
    params: { code: "74.71" },
    loader: EVERYONE,
  },
  "regions/innovations.xlsx.ts": {
    path: "/wilayah/74.71/inovasi.xlsx",
    params: { code: "74.71" },
    loader: EVERYONE,
  },
  "sitemap.xml.ts": { path: "/sitemap.xml", loader: EVERYONE },
  "lessons/lesson.tsx": {
    path: "/pelajaran/x",
    params: { slug: "x" },
    loader: EVERYONE,
    // citing needs pairing:update or project:update
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
  },
  "lessons/workspace.tsx": {
    path: "/sesi/x/pelajaran",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "cohorts/cohort.tsx": { path: "/angkatan/x", params: { cohortId: "x" }, loader: EVERYONE },
  "cohorts/import.tsx": {
    path: "/angkatan/impor",
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  "cohorts/import-template.csv.ts": {
    path: "/angkatan/templat-impor.csv",
    loader: ["ADMIN", "FACILITATOR"],
  },
  "projects/bulk-update.tsx": {
    path: "/proyek/pembaruan-massal",
    loader: ["ADMIN", "REGION_OFFICER", "COACH"],
    action: ["ADMIN", "REGION_OFFICER", "COACH"],
  },
  "projects/bulk-update.xlsx.ts": {
    path: "/proyek/pembaruan-massal.xlsx",
    loader: ["ADMIN", "REGION_OFFICER", "COACH"],
  },
  "regions/index.tsx": { path: "/wilayah", loader: EVERYONE },
  "regions/region.tsx": { path: "/wilayah/74.71", params: { code: "74.71" }, loader: EVERYONE },
  "regions/agencies.tsx": {
    path: "/wilayah/74.71/opd",
    params: { code: "74.71" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
  },
  "about-data.tsx": { path: "/tentang-data", loader: EVERYONE },
  "admin/index.tsx": { path: "/admin", loader: ["ADMIN"], action: ["ADMIN"] },
  "admin/invite.tsx": {
    path: "/admin/undang",
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  "admin/outbox.tsx": { path: "/admin/outbox", loader: ["ADMIN"] },
  "admin/audit.tsx": { path: "/admin/audit", loader: ["ADMIN"] },
  "admin/backups.tsx": { path: "/admin/cadangan", loader: ["ADMIN"] },
  "admin/backup-download.ts": { path: "/admin/cadangan/unduh", loader: ["ADMIN"] },
};

type RouteModule = { loader?: Parameters<typeof callRoute>[0]; action?: Parameters<typeof callRoute>[0] };
const modules = import.meta.glob<RouteModule>("../../app/routes/**/*.{ts,tsx}");
const files = Object.keys(modules).map((path) => path.replace("../../app/routes/", ""));

const personIds = {} as Record<Who, string | undefined>;

beforeAll(async () => {
  await ensureRegions();
  for (const who of SIGNED_IN) {
    const person = await createPerson({
      role: who as Role,
      regionCode: who === "ADMIN" || who === "FACILITATOR" ? null : "74.71",
    });
    personIds[who] = person.id;
  }
});

function outcome(response: Response): "allowed" | "sign-in" | "forbidden" {
  if (response.status === 403) return "forbidden";
  if (
    response.status >= 300 &&
    response.status < 400 &&
    response.headers.get("Location")?.startsWith("/masuk") &&
    !response.headers.get("Set-Cookie")
  )
    return "sign-in";
  return "allowed";
}

function expected(allowed: Who[] | undefined, who: Who) {
  if (allowed?.includes(who)) return "allowed";
  return who === "anonymous" ? "sign-in" : "forbidden";
}

describe("route access table", () => {
  it("lists every route file", () => {
    expect(files.sort()).toEqual(Object.keys(ACCESS).sort());
  });

  const cases = Object.entries(ACCESS).flatMap(([file, rule]) =>
    (["loader", "action"] as const).flatMap((kind) => EVERYONE.map((who) => ({ file, rule, kind, who }))),
  );

  it.each(cases)("$file $kind as $who", async ({ file, rule, kind, who }) => {
    const mod = await modules[`../../app/routes/${file}`]();
    const fn = mod[kind];
    if (!fn) {
      // no handler: nothing to protect, and the table must not claim one
      expect(rule[kind], `${file} has no ${kind}`).toBeUndefined();
      return;
    }
    expect(rule[kind], `${file} has a ${kind}: say who may call it`).toBeDefined();
    // a fresh sign-in per case: signing out in one case must not sign the next one out
    const personId = personIds[who];
    const cookie = personId ? await cookieFor(personId) : undefined;
    const request = kind === "loader" ? getRequest(rule.path, cookie) : formRequest(rule.path, {}, cookie);
    const response = await callRoute(fn, request, rule.params ?? {});
    expect(response.status, `${file} ${kind} as ${who}`).toBeLessThan(500);
    expect(outcome(response), `${file} ${kind} as ${who}`).toBe(expected(rule[kind], who));
  });
});
