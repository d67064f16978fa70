import { beforeAll, describe, expect, it } from "vitest";
import { getUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { inviteUser, requestPasswordReset } from "~/modules/accounts/user.server";
import * as invitationRoute from "~/routes/accounts/invitation";
import * as resetRequestRoute from "~/routes/accounts/forgot-password";
import * as resetRoute from "~/routes/accounts/reset-password";
import * as signInRoute from "~/routes/accounts/sign-in";
import { SIGN_IN_LIMIT } from "~/auth/sign-in-throttle.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { runDueJobs } from "~/jobs/worker.server";
import * as profileRoute from "~/routes/accounts/profile";
import * as adminRoute from "~/routes/admin/index";
import {
  TEST_PASSWORD,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

beforeAll(async () => {
  await ensureRegions();
});

function signInAttempt(email: string, password: string, ip = "203.0.113.7") {
  return callRoute(signInRoute.action, formRequest("/masuk", { email, password }), {}, { clientIp: ip });
}

function cookieFrom(response: Response) {
  return response.headers.get("Set-Cookie")?.split(";")[0] ?? "";
}

function tokenFromLastEmail(text: string, path: string) {
  const match = text.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

describe("signing in", () => {
  it("signs in with the right password and lands on the dashboard", async () => {
    const person = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
    const response = await signInAttempt(person.email.toUpperCase(), TEST_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dasbor");
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const user = await getUser(getRequest("/dasbor", cookieFrom(response)));
    expect(user?.id).toBe(person.id);
  });

  it("gives one message for an unknown account and a wrong password", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const wrong = await signInAttempt(person.email, "salah-sekali-123", "198.51.100.1");
    const unknown = await signInAttempt("tidak-ada@uji.test", "salah-sekali-123", "198.51.100.2");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const a = await wrong.json();
    const b = await unknown.json();
    expect(a.result.error[""]).toEqual(["auth.invalidCredentials"]);
    expect(b.result.error[""]).toEqual(a.result.error[""]);
    // the password is never echoed back
    expect(JSON.stringify(a)).not.toContain("salah-sekali-123");
  });

  it("throttles an account for the client that failed 5 times, not for its owner elsewhere", async () => {
    const person = await createPerson({ role: "VIEWER" });
    for (let i = 0; i < SIGN_IN_LIMIT.perClient; i++)
      expect((await signInAttempt(person.email, `salah-${i}-xxxxxx`, "192.0.2.1")).status).toBe(400);
    const blocked = await signInAttempt(person.email, TEST_PASSWORD, "192.0.2.1");
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).result.error[""]).toEqual(["auth.rateLimited"]);
    // the owner, from another address, is not locked out
    expect((await signInAttempt(person.email, TEST_PASSWORD, "192.0.2.50")).status).toBe(302);
    // the window passes for the throttled client too
    await prisma.rateLimitBucket.updateMany({
      where: { key: { startsWith: "signin:" } },
      data: { resetAt: new Date(Date.now() - 1000) },
    });
    expect((await signInAttempt(person.email, TEST_PASSWORD, "192.0.2.1")).status).toBe(302);
  }, 60_000);

  it("blocks one address that tries many accounts", async () => {
    // the address has sprayed all but its last 3 attempts (each check costs scrypt: not 100 here)…
    await prisma.rateLimitBucket.create({
      data: {
        key: "signin:ip:192.0.2.200",
        count: SIGN_IN_LIMIT.perIp - 3,
        resetAt: new Date(Date.now() + SIGN_IN_LIMIT.windowMs),
      },
    });
    // …and uses them on three more accounts, at once
    await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        signInAttempt(`orang${i}@uji.test`, "salah-salah-salah", "192.0.2.200"),
      ),
    );
    const person = await createPerson({ role: "VIEWER" });
    expect((await signInAttempt(person.email, TEST_PASSWORD, "192.0.2.200")).status).toBe(429);
    expect((await signInAttempt(person.email, TEST_PASSWORD, "192.0.2.201")).status).toBe(302);
  }, 60_000);

  it("does not count successful sign-ins against an office's shared address", async () => {
    const people = await Promise.all(
      Array.from({ length: 3 }, () => createPerson({ role: "PARTICIPANT", regionCode: "74.71" })),
    );
    // the address is one failure short of its ceiling…
    await prisma.rateLimitBucket.create({
      data: {
        key: "signin:ip:192.0.2.210",
        count: SIGN_IN_LIMIT.perIp - 1,
        resetAt: new Date(Date.now() + SIGN_IN_LIMIT.windowMs),
      },
    });
    // …and everyone in the office still signs in, one after the other
    for (const person of people)
      expect((await signInAttempt(person.email, TEST_PASSWORD, "192.0.2.210")).status).toBe(302);
  });

  it("refuses a deactivated person and ends their sessions", async () => {
    const admin = await createPerson({ role: "ADMIN" });
    const person = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
    const personCookie = await cookieFor(person.id);
    expect(await getUser(getRequest("/dasbor", personCookie))).not.toBeNull();
    const response = await callRoute(
      adminRoute.action,
      formRequest("/admin", { intent: "deactivate", userId: person.id }, await cookieFor(admin.id)),
    );
    expect(response.status).toBe(200);
    expect(await getUser(getRequest("/dasbor", personCookie))).toBeNull();
    expect((await signInAttempt(person.email, TEST_PASSWORD, "192.0.2.99")).status).toBe(400);
    const log = await prisma.activityLog.findFirst({
      where: { action: "user.deactivated", subjectId: person.id },
    });
    expect(log?.actorId).toBe(admin.id);
  });

  it("will not let an admin deactivate themselves, saying so above the people list", async () => {
    const admin = await createPerson({ role: "ADMIN" });
    const response = await callRoute(
      adminRoute.action,
      formRequest("/admin", { intent: "deactivate", userId: admin.id }, await cookieFor(admin.id)),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({ "": ["admin.cannotDeactivateSelf"] });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
  });

  it("shares one lookup between the loaders of a request, and never serves a revoked session", async () => {
    const person = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
    const cookie = await cookieFor(person.id);
    // the root's and the page's loaders ask at the same moment: one lookup, one answer
    const [fromRoot, fromPage] = await Promise.all([
      getUser(getRequest("/dasbor", cookie)),
      getUser(getRequest("/proyek", cookie)),
    ]);
    expect(fromRoot?.id).toBe(person.id);
    expect(fromPage).toBe(fromRoot);
    // a later request asks again: a new lookup, which sees the session is gone
    await prisma.loginSession.deleteMany({ where: { userId: person.id } });
    expect(await getUser(getRequest("/dasbor", cookie))).toBeNull();
  });

  it("keeps the user's input and writes nothing when the form is invalid", async () => {
    const before = await prisma.loginSession.count();
    const response = await callRoute(
      signInRoute.action,
      formRequest("/masuk", { email: "bukan-email", password: "" }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.initialValue.email).toBe("bukan-email");
    expect(body.result.error.email).toEqual(["errors.email"]);
    expect(await prisma.loginSession.count()).toBe(before);
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the person", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const laptop = await cookieFor(person.id);
    const phone = await cookieFor(person.id);
    const response = await callRoute(
      profileRoute.action,
      formRequest("/profil", { intent: "sign-out-everywhere" }, laptop),
    );
    expect(response.status).toBe(302);
    expect(await getUser(getRequest("/", phone))).toBeNull();
    expect(await prisma.loginSession.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("password reset", () => {
  it("answers the same for a known and an unknown email, and mails only the known one", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const before = await prisma.outboxMessage.count();
    const known = await callRoute(
      resetRequestRoute.action,
      formRequest("/lupa-sandi", { email: person.email }),
      {},
      { clientIp: "10.0.0.1" },
    );
    const unknown = await callRoute(
      resetRequestRoute.action,
      formRequest("/lupa-sandi", { email: "siapa@uji.test" }),
      {},
      { clientIp: "10.0.0.2" },
    );
    expect(known.status).toBe(unknown.status);
    expect((await known.json()).sent).toBe((await unknown.json()).sent);
    // the mail is written by a job (tests/integration/sign-in-security.test.ts)
    await runDueJobs({ workerId: "test-worker", handlers: jobHandlers });
    expect(await prisma.outboxMessage.count()).toBe(before + 1);
    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { to: person.email } });
    expect(message.text).toContain("/lupa-sandi/");
  });

  it("sets a new password once; a reused or expired token is refused", async () => {
    const person = await createPerson({ role: "VIEWER" });
    const oldSession = await cookieFor(person.id);
    await requestPasswordReset(person.email);
    const message = await prisma.outboxMessage.findFirstOrThrow({
      where: { to: person.email },
      orderBy: { createdAt: "desc" },
    });
    const token = tokenFromLastEmail(message.text, "/lupa-sandi");
    const fields = { password: "sandi-baru-yang-panjang", confirm: "sandi-baru-yang-panjang" };
    const first = await callRoute(resetRoute.action, formRequest(`/lupa-sandi/${token}`, fields), { token });
    expect(first.status).toBe(302);
    expect(await getUser(getRequest("/", oldSession))).toBeNull();
    expect((await signInAttempt(person.email, "sandi-baru-yang-panjang", "10.1.1.1")).status).toBe(302);

    const again = await callRoute(resetRoute.action, formRequest(`/lupa-sandi/${token}`, fields), { token });
    expect(again.status).toBe(400);
    expect((await again.json()).result.error[""]).toEqual(["auth.resetTokenInvalid"]);

    await requestPasswordReset(person.email);
    const second = await prisma.outboxMessage.findFirstOrThrow({
      where: { to: person.email },
      orderBy: { createdAt: "desc" },
    });
    const expiredToken = tokenFromLastEmail(second.text, "/lupa-sandi");
    await prisma.passwordReset.updateMany({
      where: { userId: person.id, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const expired = await callRoute(resetRoute.action, formRequest(`/lupa-sandi/${expiredToken}`, fields), {
      token: expiredToken,
    });
    expect(expired.status).toBe(400);
  });
});

describe("invitations", () => {
  it("is accepted once, creates the account with its role and signs the person in", async () => {
    const facilitator = await createPerson({ role: "FACILITATOR" });
    const token = await inviteUser(facilitator.id, {
      email: "Baru@Blitar.test",
      role: "REGION_OFFICER",
      regionCode: "35.72",
    });
    const page = await callRoute(invitationRoute.loader, getRequest(`/undangan/${token}`), { token });
    expect((await page.json()).invitation.email).toBe("baru@blitar.test");

    const fields = { name: "Sri Wahyuni", password: "sandi-blitar-2020", confirm: "sandi-blitar-2020" };
    const accepted = await callRoute(invitationRoute.action, formRequest(`/undangan/${token}`, fields), {
      token,
    });
    expect(accepted.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "baru@blitar.test" },
      include: { memberships: true },
    });
    expect(user.memberships.map((m) => [m.role, m.regionCode])).toEqual([["REGION_OFFICER", "35.72"]]);

    const twice = await callRoute(invitationRoute.action, formRequest(`/undangan/${token}`, fields), {
      token,
    });
    expect(twice.status).toBe(400);
    expect(await prisma.membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("leaves everything unchanged when the password is too short", async () => {
    const facilitator = await createPerson({ role: "FACILITATOR" });
    const token = await inviteUser(facilitator.id, { email: "pendek@uji.test", role: "VIEWER" });
    const response = await callRoute(
      invitationRoute.action,
      formRequest(`/undangan/${token}`, { name: "Pendek", password: "123", confirm: "123" }),
      { token },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.password).toEqual(["errors.passwordTooShort"]);
    expect(await prisma.user.count({ where: { email: "pendek@uji.test" } })).toBe(0);
    expect(
      (await prisma.invitation.findFirstOrThrow({ where: { email: "pendek@uji.test" } })).acceptedAt,
    ).toBeNull();
  });
});
