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
  "_index.tsx": { path: "/", loader: EVERYONE },
  "$.tsx": { path: "/tidak-ada", params: { "*": "tidak-ada" }, loader: EVERYONE, action: EVERYONE },
  "healthz.ts": { path: "/healthz", loader: EVERYONE },
  "masuk.tsx": { path: "/masuk", loader: EVERYONE, action: EVERYONE },
  "keluar.tsx": { path: "/keluar", loader: EVERYONE, action: EVERYONE },
  "lupa-sandi._index.tsx": { path: "/lupa-sandi", loader: EVERYONE, action: EVERYONE },
  "lupa-sandi.$token.tsx": {
    path: "/lupa-sandi/x",
    params: { token: "x" },
    loader: EVERYONE,
    action: EVERYONE,
  },
  "undangan.$token.tsx": { path: "/undangan/x", params: { token: "x" }, loader: EVERYONE, action: EVERYONE },
  "profil.tsx": { path: "/profil", loader: SIGNED_IN, action: SIGNED_IN },
  "notifikasi.tsx": { path: "/notifikasi", loader: SIGNED_IN, action: SIGNED_IN },
  // the review queue: "lesson:review" (facilitators all; others the pairings they lead, maybe none)
  "tinjauan.tsx": {
    path: "/tinjauan",
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "COACH", "MENTOR"],
  },
  "dasbor.tsx": { path: "/dasbor", loader: SIGNED_IN },
  // the test people of region-scoped roles belong to 74.71 (Kota Kendari, province 74)
  "dasbor_.wilayah.$code.tsx": {
    path: "/dasbor/wilayah/74.71",
    params: { code: "74.71" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "VIEWER"],
  },
  "dasbor_.wilayah.$code_.laporan.tsx": {
    path: "/dasbor/wilayah/74.71/laporan",
    params: { code: "74.71" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "VIEWER"],
  },
  "dasbor_.provinsi.$code.tsx": {
    path: "/dasbor/provinsi/74",
    params: { code: "74" },
    loader: ["ADMIN", "FACILITATOR"],
  },
  // an unknown cohort: 404 (allowed) for people with dashboards, 403 for the rest
  "dasbor_.angkatan.$cohortId.tsx": {
    path: "/dasbor/angkatan/x",
    params: { cohortId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "COACH", "MENTOR", "VIEWER"],
  },
  "dasbor_.angkatan.$cohortId_.laporan.tsx": {
    path: "/dasbor/angkatan/x/laporan",
    params: { cohortId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "COACH", "MENTOR", "VIEWER"],
  },
  "proyek._index.tsx": { path: "/proyek", loader: SIGNED_IN },
  "proyek.$projectId.tsx": { path: "/proyek/x", params: { projectId: "x" }, loader: SIGNED_IN },
  "proyek[.csv].ts": { path: "/proyek.csv", loader: SIGNED_IN },
  "proyek.baru.tsx": {
    path: "/proyek/baru",
    loader: ["ADMIN", "REGION_OFFICER", "PARTICIPANT"],
    action: ["ADMIN", "REGION_OFFICER", "PARTICIPANT"],
  },
  "proyek.$projectId._index.tsx": {
    path: "/proyek/x",
    params: { projectId: "x" },
    loader: EVERYONE,
    action: SIGNED_IN,
  },
  "proyek.$projectId.tim.tsx": {
    path: "/proyek/x/tim",
    params: { projectId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "proyek.$projectId.tonggak.tsx": {
    path: "/proyek/x/tonggak",
    params: { projectId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "proyek.$projectId.indikator.tsx": {
    path: "/proyek/x/indikator",
    params: { projectId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "proyek.$projectId.linimasa.tsx": {
    path: "/proyek/x/linimasa",
    params: { projectId: "x" },
    loader: SIGNED_IN,
  },
  "proyek.$projectId.laporan[.pdf].ts": {
    path: "/proyek/x/laporan.pdf",
    params: { projectId: "x" },
    loader: SIGNED_IN,
  },
  // public for projects with a public follow-up page; an unknown project is 404 for everyone
  "proyek.$projectId.sampul.ts": {
    path: "/proyek/x/sampul",
    params: { projectId: "x" },
    loader: EVERYONE,
  },
  "bukti.$file.ts": { path: "/bukti/x", params: { file: "x" }, loader: SIGNED_IN },
  "pasangan._index.tsx": {
    path: "/pasangan",
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "VIEWER"],
  },
  "pasangan.baru.tsx": {
    path: "/pasangan/baru",
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  // posting needs a write permission besides reading (a viewer only reads); each intent then
  // checks its own on the pairing itself
  "pasangan.$pairingId.tsx": {
    path: "/pasangan/x",
    params: { pairingId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "VIEWER"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
  },
  "pasangan.$pairingId_.laporan.tsx": {
    path: "/pasangan/x/laporan",
    params: { pairingId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "VIEWER"],
  },
  "pasangan.$pairingId_.laporan[.csv].ts": {
    path: "/pasangan/x/laporan.csv",
    params: { pairingId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "VIEWER"],
  },
  "pasangan.$pairingId_.sesi-baru.tsx": {
    path: "/pasangan/x/sesi-baru",
    params: { pairingId: "x" },
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  "sesi.$sessionId.tsx": {
    path: "/sesi/x",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
    // a pairing's sessions (session:create) or stand-alone ones (session:host); the model checks which
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
  },
  // stand-alone sessions: an unknown project is 404 (allowed) for those who may host sessions
  "proyek.$projectId_.sesi-baru.tsx": {
    path: "/proyek/x/sesi-baru",
    params: { projectId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
  },
  "proyek.$projectId.sesi.tsx": { path: "/proyek/x/sesi", params: { projectId: "x" }, loader: SIGNED_IN },
  // a province's coordination meeting: its coordinators (the test officers are of 74.71), facilitators, admins
  "wilayah.$code_.sesi-baru.tsx": {
    path: "/wilayah/74/sesi-baru",
    params: { code: "74" },
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  "sesi.$sessionId_.kalender[.ics].ts": {
    path: "/sesi/x/kalender.ics",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
  },
  "sesi.$sessionId_.sebutan.ts": {
    path: "/sesi/x/sebutan",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
  },
  "sesi.$sessionId_.ruang.tsx": {
    path: "/sesi/x/ruang",
    params: { sessionId: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "COACH", "MENTOR"],
  },
  "sesi.$sessionId_.catatan.tsx": {
    path: "/sesi/x/catatan",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "kalender.$token.ts": { path: "/kalender/x.ics", params: { token: "x.ics" }, loader: EVERYONE },
  "api.livekit.webhook.ts": { path: "/api/livekit/webhook", loader: EVERYONE, action: EVERYONE },
  "katalog._index.tsx": { path: "/katalog", loader: EVERYONE },
  "katalog[.csv].ts": { path: "/katalog.csv", loader: EVERYONE },
  "katalog[.json].ts": { path: "/katalog.json", loader: EVERYONE },
  "katalog.$slug_.data[.json].ts": { path: "/katalog/x/data.json", params: { slug: "x" }, loader: EVERYONE },
  "katalog.feed[.atom].ts": { path: "/katalog/feed.atom", loader: EVERYONE },
  "katalog.$slug.tsx": { path: "/katalog/x", params: { slug: "x" }, loader: EVERYONE, action: EVERYONE },
  "katalog.baru.tsx": {
    path: "/katalog/baru",
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
  },
  "katalog.kelola._index.tsx": {
    path: "/katalog/kelola",
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
  },
  "katalog.kelola.$id.tsx": {
    path: "/katalog/kelola/x",
    params: { id: "x" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
  },
  "wilayah.$code_.inovasi[.csv].ts": {
    path: "/wilayah/74.71/inovasi.csv",
    params: { code: "74.71" },
    loader: EVERYONE,
  },
  "wilayah.$code_.inovasi[.xlsx].ts": {
    path: "/wilayah/74.71/inovasi.xlsx",
    params: { code: "74.71" },
    loader: EVERYONE,
  },
  "sitemap[.xml].ts": { path: "/sitemap.xml", loader: EVERYONE },
  "pelajaran.$slug.tsx": {
    path: "/pelajaran/x",
    params: { slug: "x" },
    loader: EVERYONE,
    // citing needs pairing:update or project:update
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT"],
  },
  "sesi.$sessionId_.pelajaran.tsx": {
    path: "/sesi/x/pelajaran",
    params: { sessionId: "x" },
    loader: SIGNED_IN,
    action: SIGNED_IN,
  },
  "angkatan.$cohortId.tsx": { path: "/angkatan/x", params: { cohortId: "x" }, loader: EVERYONE },
  "angkatan.impor.tsx": {
    path: "/angkatan/impor",
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  "angkatan.templat-impor[.csv].ts": {
    path: "/angkatan/templat-impor.csv",
    loader: ["ADMIN", "FACILITATOR"],
  },
  "wilayah._index.tsx": { path: "/wilayah", loader: EVERYONE },
  "wilayah.$code.tsx": { path: "/wilayah/74.71", params: { code: "74.71" }, loader: EVERYONE },
  "wilayah.$code_.opd.tsx": {
    path: "/wilayah/74.71/opd",
    params: { code: "74.71" },
    loader: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
    action: ["ADMIN", "FACILITATOR", "REGION_OFFICER"],
  },
  "tentang-data.tsx": { path: "/tentang-data", loader: EVERYONE },
  "admin._index.tsx": { path: "/admin", loader: ["ADMIN"], action: ["ADMIN"] },
  "admin.undang.tsx": {
    path: "/admin/undang",
    loader: ["ADMIN", "FACILITATOR"],
    action: ["ADMIN", "FACILITATOR"],
  },
  "admin.outbox.tsx": { path: "/admin/outbox", loader: ["ADMIN"] },
  "admin.audit.tsx": { path: "/admin/audit", loader: ["ADMIN"] },
  "admin.cadangan.tsx": { path: "/admin/cadangan", loader: ["ADMIN"] },
  "admin.cadangan_.unduh.ts": { path: "/admin/cadangan/unduh", loader: ["ADMIN"] },
};

type RouteModule = { loader?: Parameters<typeof callRoute>[0]; action?: Parameters<typeof callRoute>[0] };
const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");
const files = Object.keys(modules).map((path) => path.split("/").pop()!);

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
