// Hostile input to every route that writes: for each action, each intent it knows (read from its
// source) and one it doesn't, bodies full of HTML/script, SQL meta-characters, invalid dates,
// unknown enum values, impossible numbers, repeated fields, 1 MB strings and forged files — sent
// anonymously, by an officer of an unrelated region with real ids of other regions' records
// (forged ids), and by an admin. Never a 500 or an uncaught error. Anonymous and the outsider
// change nothing (every table's checksum compared before and after), except the few routes where
// anyone signed in may write their own things (ALLOWED_WRITES, each with its reason).
// The 10 MB body is refused by the server before Remix reads it (app/utils/body-limit.server.ts,
// tested below and in tests/e2e/durability.test.ts).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tableChecksums } from "~/db/backup.server";
import { database, prisma } from "~/db.server";
import { bodyLimitBytes, isBodyTooLarge } from "~/utils/body-limit.server";
import { seedDemo } from "../../prisma/seed-demo";
import { callRoute, cookieFor, createPerson } from "../fixtures/people";

const ROUTES_DIR = path.resolve("app/routes");

/** tables that change on any request (sign-in attempts, sessions' last-seen, audit of refusals) */
const VOLATILE = ["RateLimitBucket", "LoginSession", "_prisma_migrations"];

/**
 * Routes where an outsider may legitimately write, with what: their own records only. Anything else
 * changing in the database fails the test.
 */
const ALLOWED_WRITES: Record<string, { tables: string[]; why: string }> = {
  "profil.tsx": { tables: ["User", "Password", "ActivityLog"], why: "a person edits their own profile" },
  "keluar.tsx": { tables: [], why: "signing out ends one's own login session (volatile)" },
  "katalog.$slug.tsx": {
    tables: ["Pairing", "PairingParticipant", "Notification", "ActivityLog", "OutboxMessage"],
    why: "anyone may ask to learn a published practice (a proposed pairing in the facilitator's queue)",
  },
  "notifikasi.tsx": { tables: ["Notification"], why: "a person marks their own notifications read" },
};

const HOSTILE = {
  script: `<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)>"'`,
  sql: `'; DROP TABLE "User"; -- ' OR '1'='1`,
  date: "2020-02-30T25:61",
  enum: "HACKED_VALUE",
  number: "1e309",
  negative: "-99999999999999999999",
  unicode: "\u0000\u202e\ud800",
};
/** a 1 MB string, sent in the few free-text fields every form has */
const BIG = "A".repeat(1024 * 1024);
const BIG_FIELDS = ["title", "name", "body", "content"];

/** the field names forms in Lintas use: each gets the hostile value */
const FIELDS = [
  "title",
  "name",
  "body",
  "email",
  "password",
  "newPassword",
  "currentPassword",
  "confirmPassword",
  "acronym",
  "kind",
  "status",
  "to",
  "side",
  "horizon",
  "direction",
  "role",
  "method",
  "sector",
  "spmField",
  "problem",
  "evidence",
  "objectives",
  "benefits",
  "locus",
  "goals",
  "topic",
  "summary",
  "startDate",
  "endDate",
  "dueDate",
  "date",
  "startsAt",
  "startTime",
  "measuredAt",
  "launchDate",
  "value",
  "baseline",
  "target",
  "baselineYear",
  "targetYear",
  "before",
  "after",
  "version",
  "plannedSessions",
  "durationMinutes",
  "count",
  "interval",
  "position",
  "influence",
  "interest",
  "id",
  "milestoneId",
  "ownerId",
  "launchEventId",
  "memberId",
  "indicatorId",
  "assignmentId",
  "commitmentId",
  "participantId",
  "stakeholderId",
  "userId",
  "sessionId",
  "pairingId",
  "projectId",
  "practiceId",
  "mentorProjectId",
  "menteeProjectId",
  "mentorGroupId",
  "menteeGroupId",
  "followUpChannel",
  "lessonId",
  "cohortId",
  "organisationId",
  "workingGroupId",
  "regionCode",
  "mentorRegionCode",
  "menteeRegionCode",
  "timeZone",
  "link",
  "url",
  "content",
  "reason",
  "stopReason",
  "cancelReason",
  "redirectTo",
  "q",
  "field",
  "quote",
  "agency",
  "position",
  "owner",
  "note",
  "source",
  "programme",
  "batch",
  "year",
  "rows",
  "skip",
  "dates",
  // the series form and a session's move/invite (with the confirmation after a conflict warning)
  "firstLocal",
  "startLocal",
  "intervalWeeks",
  "agenda",
  "invitee",
  "inviteesChosen",
  "emails",
  "confirm",
  // the notes' form without JavaScript
  "plain",
  "base",
];

type RouteModule = {
  action?: Parameters<typeof callRoute>[0];
};

async function routeFiles() {
  return (await readdir(ROUTES_DIR)).filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(".test."));
}

/** intents a route knows, read from its source: `case "x":` and `z.literal("x")` */
function intentsIn(source: string) {
  const found = new Set<string>();
  for (const match of source.matchAll(/case\s+"([a-z][a-z0-9-]*)"\s*:/g)) found.add(match[1]);
  for (const match of source.matchAll(/literal\("([a-z][a-z0-9-]*)"\)/g)) found.add(match[1]);
  return [...found];
}

let params: Record<string, string>;

function paramsFor(file: string) {
  const names = [...file.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]);
  const result: Record<string, string> = {};
  for (const name of names) result[name] = params[name] ?? "no-such-id";
  if (file.startsWith("$")) result["*"] = "tidak-ada";
  return result;
}

function urlFor(file: string, values: Record<string, string>) {
  const route = file
    .replace(/\.(ts|tsx)$/, "")
    .replace(/\[(.+?)\]/g, "$1")
    .split(/(?<!\[)\.(?![^[]*\])/)
    .filter((segment) => segment !== "_index")
    .map((segment) =>
      segment.replace(/_$/, "").replace(/^\$(\w+)$/, (_m, name: string) => values[name] ?? "x"),
    )
    .join("/");
  return `http://localhost/${route}`;
}

function bodies(intent: string | undefined) {
  const forms: { label: string; body: URLSearchParams | FormData }[] = [];
  for (const [family, value] of Object.entries(HOSTILE)) {
    const form = new URLSearchParams();
    if (intent) form.set("intent", intent);
    for (const field of FIELDS) form.set(field, value);
    forms.push({ label: family, body: form });
  }
  const big = new URLSearchParams();
  if (intent) big.set("intent", intent);
  for (const field of BIG_FIELDS) big.set(field, BIG);
  forms.push({ label: "1 MB", body: big });
  // every field twice, with different types
  const repeated = new URLSearchParams();
  if (intent) repeated.set("intent", intent);
  for (const field of FIELDS) {
    repeated.append(field, "1");
    repeated.append(field, "[object Object]");
  }
  forms.push({ label: "repeated", body: repeated });
  // nothing at all
  forms.push({ label: "empty", body: new URLSearchParams(intent ? { intent } : {}) });
  // a multipart body with a forged file (an executable named as a photo)
  const multipart = new FormData();
  if (intent) multipart.set("intent", intent);
  for (const field of FIELDS.slice(0, 20)) multipart.set(field, HOSTILE.script);
  const forged = new Blob([Buffer.from("MZ\x90\x00 this is not a picture")], { type: "image/jpeg" });
  multipart.set("file", forged, "photo.jpg");
  multipart.set("evidenceFile", forged, "photo.jpg");
  multipart.set("coverImage", forged, "photo.jpg");
  forms.push({ label: "forged-file", body: multipart });
  return forms;
}

type Outcome = { route: string; who: string; intent: string; label: string; status: number };
const outcomes: Outcome[] = [];

async function send(
  file: string,
  action: NonNullable<RouteModule["action"]>,
  who: string,
  cookie: string | undefined,
  intents: (string | undefined)[],
) {
  const values = paramsFor(file);
  for (const intent of intents) {
    for (const { label, body } of bodies(intent)) {
      const request = new Request(urlFor(file, values), {
        method: "POST",
        body,
        headers: cookie ? { Cookie: cookie } : {},
      });
      let status: number;
      try {
        status = (await callRoute(action, request, values)).status;
      } catch (error) {
        throw new Error(
          `${file} threw for ${who}, intent ${intent ?? "(none)"}, ${label}: ${String((error as Error)?.stack ?? error)}`,
        );
      }
      outcomes.push({ route: file, who, intent: intent ?? "(none)", label, status });
      expect(status, `${file} ${who} ${intent ?? "(none)"} ${label}`).toBeLessThan(500);
    }
  }
}

function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

let outsiderCookie: string;
let adminCookie: string;

beforeAll(async () => {
  await seedDemo(prisma, { log: () => {} });
  const lesson = await prisma.lesson.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  const practice = await prisma.practice.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  const cohort = await prisma.cohort.findFirstOrThrow();
  // real records of Kendari, Blitar and Lampung Barat: forged ids for an officer of Aceh
  params = {
    projectId: "demo-project-sanitasi-lampung-barat",
    pairingId: "demo-pairing-kendari-blitar-2020",
    sessionId: "demo-session-kendari-blitar-1",
    cohortId: cohort.id,
    code: "74.71",
    slug: practice.slug,
    lessonSlug: lesson.slug,
    id: practice.id,
    token: "forged-token",
    file: "../../etc/passwd",
  };
  const outsider = await createPerson({ role: "REGION_OFFICER", regionCode: "11.01" });
  outsiderCookie = await cookieFor(outsider.id);
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@lintas.test" } });
  adminCookie = await cookieFor(admin.id);
}, 120_000);

describe("hostile input to every action", async () => {
  const files = await routeFiles();
  for (const file of files) {
    const source = await readFile(path.join(ROUTES_DIR, file), "utf8");
    if (!/export (async )?function action|export const action/.test(source)) continue;
    const intents = [...intentsIn(source), "no-such-intent", undefined];

    it(`${file}: anonymous and an unrelated region's officer change nothing`, async () => {
      const { action } = (await import(`../../app/routes/${file}`)) as RouteModule;
      if (!action) throw new Error(`${file} has no action export`);
      const allowed = ALLOWED_WRITES[file]?.tables ?? [];
      for (const [who, cookie] of [
        ["anonymous", undefined],
        ["outsider", outsiderCookie],
      ] as const) {
        const before = await tableChecksums(database.sql, VOLATILE);
        await send(file, action, who, cookie, intents);
        const after = await tableChecksums(database.sql, VOLATILE);
        const changed = changedTables(before, after).filter((table) => !allowed.includes(table));
        expect(changed, `${file} as ${who} changed tables`).toEqual([]);
      }
    }, 300_000);

    it(`${file}: an admin's hostile input never causes a server error`, async () => {
      const { action } = (await import(`../../app/routes/${file}`)) as RouteModule;
      await send(file, action!, "admin", adminCookie, intents);
    }, 300_000);
  }

  it("tried thousands of inputs and got no 5xx", () => {
    const serverErrors = outcomes.filter((o) => o.status >= 500);
    console.info(
      `hostile inputs tried: ${outcomes.length} on ${new Set(outcomes.map((o) => o.route)).size} routes; 5xx: ${serverErrors.length}`,
    );
    expect(outcomes.length).toBeGreaterThan(1000);
    expect(serverErrors).toEqual([]);
  });
});

describe("body limits", () => {
  it("refuses a 10 MB form or an upload over the evidence limit before reading it", () => {
    const tenMb = String(10 * 1024 * 1024);
    expect(
      isBodyTooLarge({
        contentType: "application/x-www-form-urlencoded",
        contentLength: tenMb,
        uploadMaxMb: 5,
      }),
    ).toBe(true);
    expect(
      isBodyTooLarge({
        contentType: "multipart/form-data; boundary=x",
        contentLength: tenMb,
        uploadMaxMb: 5,
      }),
    ).toBe(true);
    expect(
      isBodyTooLarge({
        contentType: "multipart/form-data; boundary=x",
        contentLength: String(5 * 1024 * 1024),
        uploadMaxMb: 5,
      }),
    ).toBe(false);
    expect(
      isBodyTooLarge({ contentType: "application/json", contentLength: "not-a-number", uploadMaxMb: 5 }),
    ).toBe(true);
    expect(isBodyTooLarge({ contentType: "text/plain", contentLength: undefined, uploadMaxMb: 5 })).toBe(
      false,
    );
    expect(bodyLimitBytes(undefined, 5)).toBe(2 * 1024 * 1024);
  });
});
