// Issue #25, items 2, 3 and 11: where sign-in may send a person, how guessing is throttled
// (docs/decisions/0037-sign-in-throttling.md), and a password-reset answer that cannot tell
// whether an account exists.
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { safeRedirect } from "~/auth/session.server";
import { SIGN_IN_LIMIT, addressKey, signInDelayMs } from "~/auth/sign-in-throttle.server";
import { prisma } from "~/db.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { runDueJobs } from "~/jobs/worker.server";
import * as resetRequestRoute from "~/routes/accounts/forgot-password";
import * as signInRoute from "~/routes/accounts/sign-in";
import {
  TEST_PASSWORD,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";
import { loadAppBuild } from "../fixtures/app-build";

beforeAll(async () => {
  await ensureRegions();
});

const ORIGIN = "https://lintas.example";

/** Where a browser goes with this Location: the WHATWG URL parser, as Chromium uses it. */
function destination(location: string | null) {
  return new URL(location ?? "", `${ORIGIN}/masuk`);
}

function signInAttempt(email: string, password: string, ip: string, redirectTo?: string) {
  return callRoute(
    signInRoute.action,
    formRequest("/masuk", { email, password, ...(redirectTo === undefined ? {} : { redirectTo }) }),
    {},
    { clientIp: ip },
  );
}

async function formErrorOf(response: Response) {
  return ((await response.json()) as { result: { error: Record<string, string[]> } }).result.error[""];
}

// ── item 2: no redirect leaves the site ──

const HOSTILE_TARGETS = [
  "/\t/evil.example/dasbor",
  "/\t\t/evil.example",
  "\t//evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/dasbor\r\nSet-Cookie: x=1",
  "/dasbor\u0000",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/\u001f/evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/./\\/evil.example",
  "/a/..//evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "/%2F%2Fevil.example",
  "/%5C%5Cevil.example",
  "/%09/evil.example",
  "https://evil.example/dasbor",
  "http:/evil.example",
  "https:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "/\u3000/evil.example",
  " /dasbor",
];

describe("safeRedirect", () => {
  it.each(HOSTILE_TARGETS.map((target) => [JSON.stringify(target), target]))(
    "keeps %s on the site, with no control characters",
    (_name, target) => {
      const location = safeRedirect(target);
      expect(location).toMatch(/^\/(?![/\\])/);
      // eslint-disable-next-line no-control-regex
      expect(location).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(destination(location).origin).toBe(ORIGIN);
    },
  );

  it("refuses control characters outright, and keeps ordinary paths as they are", () => {
    expect(safeRedirect("/proyek\t/x")).toBe("/dasbor");
    expect(safeRedirect("/proyek/x\r\n")).toBe("/dasbor");
    expect(safeRedirect("/proyek/abc?status=DRAFT#tim")).toBe("/proyek/abc?status=DRAFT#tim");
    expect(safeRedirect("/proyek/abc?next=//evil.example")).toBe("/proyek/abc?next=//evil.example");
    expect(safeRedirect("/wilayah/74.71")).toBe("/wilayah/74.71");
    expect(safeRedirect(null)).toBe("/dasbor");
  });
});

describe("the sign-in route's redirect", () => {
  it("sends a person who signs in with a hostile redirectTo to a page of the site, never a 500", async () => {
    const person = await createPerson({ role: "VIEWER" });
    for (const [index, target] of HOSTILE_TARGETS.entries()) {
      const response = await signInAttempt(person.email, TEST_PASSWORD, `198.18.0.${index}`, target);
      expect(response.status, JSON.stringify(target)).toBe(302);
      const location = response.headers.get("Location");
      expect(destination(location).origin, `${JSON.stringify(target)} → ${location}`).toBe(ORIGIN);
    }
  });

  it("sends a person already signed in who opens /masuk?redirectTo=… to a page of the site", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const cookie = await cookieFor(person.id);
    for (const target of HOSTILE_TARGETS) {
      const url = `/masuk?redirectTo=${encodeURIComponent(target)}`;
      const response = await callRoute(signInRoute.loader, getRequest(url, cookie));
      expect(response.status, JSON.stringify(target)).toBe(302);
      expect(destination(response.headers.get("Location")).origin).toBe(ORIGIN);
    }
  });

  it("creates no session when the sign-in fails, and keeps a good target", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const good = await signInAttempt(person.email, TEST_PASSWORD, "198.18.1.1", "/proyek?status=DRAFT");
    expect(good.headers.get("Location")).toBe("/proyek?status=DRAFT");
    const sessions = await prisma.loginSession.count({ where: { userId: person.id } });
    const wrong = await signInAttempt(person.email, "salah-salah-salah", "198.18.1.2", "/\r\n/evil");
    expect(wrong.status).toBe(400);
    expect(await prisma.loginSession.count({ where: { userId: person.id } })).toBe(sessions);
  });
});

// Through Remix's request handler (the one the production server uses), as a browser sends it.
describe("the sign-in page through the request handler", () => {
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    const started = await loadAppBuild();
    const build = started.build;
    const handler = createRequestHandler(build, "production");
    handle = (request) => handler(request, { clientIp: "198.18.2.1" });
  }, 60_000);

  it("answers GET /masuk?redirectTo=%2F%09%2Fevil.example%2Fdasbor with a Location on the site", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const cookie = await cookieFor(person.id);
    for (const query of [
      "%2F%09%2Fevil.example%2Fdasbor",
      "%2F%0D%0A%2Fevil.example",
      "%2F%00",
      "%2F%5Cevil",
    ]) {
      const response = await handle(
        new Request(`${ORIGIN}/masuk?redirectTo=${query}`, { headers: { Cookie: cookie } }),
      );
      expect(response.status, query).toBe(302);
      expect(destination(response.headers.get("Location")).origin).toBe(ORIGIN);
    }
  });

  it("answers a sign-in POST with CR/LF, NUL or TAB in redirectTo with a Location on the site", async () => {
    const person = await createPerson({ role: "VIEWER" });
    for (const target of ["/\t/evil.example/dasbor", "/\r\n/evil.example", "/dasbor\u0000"]) {
      const response = await handle(
        new Request(`${ORIGIN}/masuk`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: person.email, password: TEST_PASSWORD, redirectTo: target }),
        }),
      );
      expect(response.status, JSON.stringify(target)).toBe(302);
      expect(destination(response.headers.get("Location")).origin).toBe(ORIGIN);
    }
  });
});

// ── item 3: guessing is counted before the password is checked ──

describe("sign-in throttling", () => {
  it("checks at most the limit of 30 parallel wrong guesses against one account from one client", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInAttempt(person.email, `tebakan-${i}-salah`, "203.0.113.66")),
    );
    const answers = await Promise.all(responses.map(async (r) => [r.status, await formErrorOf(r)] as const));
    const checked = answers.filter(([status]) => status === 400);
    const refused = answers.filter(([status]) => status === 429);
    // a 400 "wrong password" is the only answer that ran the password check
    expect(checked.length).toBeLessThanOrEqual(SIGN_IN_LIMIT.perClient);
    expect(checked.every(([, error]) => error?.[0] === "auth.invalidCredentials")).toBe(true);
    expect(refused.length).toBe(30 - checked.length);
    expect(refused.every(([, error]) => error?.[0] === "auth.rateLimited")).toBe(true);

    // the attacker's client stays throttled even with the right password…
    expect((await signInAttempt(person.email, TEST_PASSWORD, "203.0.113.66")).status).toBe(429);
    // …while the owner, from another client, signs in
    const owner = await signInAttempt(person.email, TEST_PASSWORD, "198.51.100.23");
    expect(owner.status).toBe(302);
    expect(owner.headers.get("Set-Cookie")).toContain("__lintas_session=");
  }, 60_000);

  it("holds a whole IPv6 /64 to one client's limit", async () => {
    const person = await createPerson({ role: "VIEWER" });
    for (let i = 0; i < SIGN_IN_LIMIT.perClient; i++)
      expect((await signInAttempt(person.email, "salah-salah-salah", `2001:db8:1:2::${i + 1}`)).status).toBe(
        400,
      );
    expect((await signInAttempt(person.email, TEST_PASSWORD, "2001:db8:1:2:ffff::9")).status).toBe(429);
    expect((await signInAttempt(person.email, TEST_PASSWORD, "2001:db8:1:3::1")).status).toBe(302);
    expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
  });

  it("lets the right password in on the client's last attempt and starts it afresh", async () => {
    const person = await createPerson({ role: "VIEWER" });
    // the wrong guesses of each round go at once: the account's growing pauses (another test's
    // subject) then overlap instead of adding up to ten seconds; each is counted atomically
    const wrongGuesses = async (count: number) =>
      (
        await Promise.all(
          Array.from({ length: count }, () =>
            signInAttempt(person.email, "salah-salah-salah", "203.0.113.80"),
          ),
        )
      ).map((response) => response.status);
    expect(await wrongGuesses(SIGN_IN_LIMIT.perClient - 1)).toEqual(
      Array(SIGN_IN_LIMIT.perClient - 1).fill(400),
    );
    expect((await signInAttempt(person.email, TEST_PASSWORD, "203.0.113.80")).status).toBe(302);
    // the typo-prone owner gets a full set of attempts again
    expect(await wrongGuesses(SIGN_IN_LIMIT.perClient)).toEqual(Array(SIGN_IN_LIMIT.perClient).fill(400));
  }, 60_000);

  it("slows guesses at one account progressively, to a few seconds at most", () => {
    const delays = Array.from({ length: 10 }, (_, i) => signInDelayMs(i + 1));
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 3000, 3000, 3000]);
  });

  it("pauses the account's checks after its free attempts, whichever client makes them", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const timings: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT.freeAttempts + 2; i++) {
      const started = performance.now();
      expect((await signInAttempt(person.email, "salah-salah-salah", `203.0.114.${i}`)).status).toBe(400);
      timings.push(performance.now() - started);
    }
    // the attempt after the free ones waits its 250 ms, the next one 500 ms
    expect(timings.at(-2)).toBeGreaterThanOrEqual(signInDelayMs(SIGN_IN_LIMIT.freeAttempts + 1));
    expect(timings.at(-1)).toBeGreaterThanOrEqual(signInDelayMs(SIGN_IN_LIMIT.freeAttempts + 2));
  }, 60_000);
});

// ── item 11: a reset request's answer comes before any work that depends on the account ──

describe("password-reset request", () => {
  it("answers known and unknown emails identically, and only the job mails the known one", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const unknownEmail = "tidak-terdaftar@uji.test";
    const ask = (email: string, ip: string) =>
      callRoute(resetRequestRoute.action, formRequest("/lupa-sandi", { email }), {}, { clientIp: ip });

    const known = await ask(person.email, "10.20.0.1");
    // nothing that depends on the account happened on the request path
    expect(await prisma.passwordReset.count({ where: { userId: person.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { to: person.email } })).toBe(0);
    const unknown = await ask(unknownEmail, "10.20.0.2");

    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect([...unknown.headers]).toEqual([...known.headers]);
    expect(await unknown.text()).toBe(await known.text());
    // the same work was done for both: one queued request each
    const queued = await prisma.job.findMany({ where: { kind: "auth.password-reset", doneAt: null } });
    expect(queued.map((job) => (job.payload as { email: string }).email).sort()).toEqual(
      [person.email, unknownEmail].sort(),
    );

    expect(await runDueJobs({ workerId: "test-worker", handlers: jobHandlers })).toBe(2);
    const mail = await prisma.outboxMessage.findMany({ where: { to: { in: [person.email, unknownEmail] } } });
    expect(mail.map((m) => m.to)).toEqual([person.email]);
    expect(mail[0].text).toContain("/lupa-sandi/");
    expect(await prisma.passwordReset.count({ where: { userId: person.id } })).toBe(1);
  });
});
