// People, their sign-in sessions, invitations and password resets.
import { createHash, randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { enqueueJob } from "~/jobs/queue.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { logActivity } from "~/modules/accounts/activity.server";
import { queueEmail } from "~/modules/notifications/outbox.server";
import { announceRevokedLogins, notifyRevokedLogins } from "~/modules/accounts/revoked-logins.server";

export const SESSION_DAYS = 30;
const INVITATION_DAYS = 7;
const RESET_MINUTES = 60;

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

function newToken() {
  return randomBytes(32).toString("base64url");
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

const currentUserSelect = {
  id: true,
  email: true,
  name: true,
  position: true,
  phone: true,
  whatsapp: true,
  locale: true,
  regionCode: true,
  organisationId: true,
  timeZone: true,
  region: { select: { name: true, timeZone: true, provinceCode: true } },
  organisation: { select: { name: true } },
  memberships: { select: { role: true, regionCode: true, organisationId: true } },
  // the unread count every page's header shows, in the same query
  _count: { select: { notifications: { where: { readAt: null } } } },
} as const;

/** What a message to a person needs: where to send it, in which language and time zone. */
export const recipientSelect = {
  id: true,
  email: true,
  name: true,
  /** E.164, for reminders and invitations by WhatsApp (0058) */
  whatsapp: true,
  locale: true,
  timeZone: true,
  region: { select: { timeZone: true } },
} as const;

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getUserByLoginSession>>>;

/** The person behind a sign-in session, or null when it expired, was revoked or they were deactivated. */
export async function getUserByLoginSession(loginSessionId: string) {
  const session = await prisma.loginSession.findFirst({
    where: { id: loginSessionId, expiresAt: { gt: new Date() }, user: { deactivatedAt: null } },
    select: { user: { select: currentUserSelect } },
  });
  return session?.user ?? null;
}

export async function createLoginSession(userId: string, userAgent: string | null) {
  const session = await prisma.loginSession.create({
    data: {
      userId,
      userAgent: userAgent?.slice(0, 300),
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    },
  });
  await logActivity({ actorId: userId, action: "auth.sign_in", subjectType: "User", subjectId: userId });
  return session;
}

export async function deleteLoginSession(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.loginSession.deleteMany({ where: { id } });
    await notifyRevokedLogins(tx, { loginSessionId: id });
  });
  announceRevokedLogins({ loginSessionId: id });
}

/** Signs the person out on every device. */
export async function deleteAllLoginSessions(userId: string) {
  const { count } = await prisma.$transaction(async (tx) => {
    const deleted = await tx.loginSession.deleteMany({ where: { userId } });
    await notifyRevokedLogins(tx, { userId });
    return deleted;
  });
  announceRevokedLogins({ userId });
  await logActivity({
    actorId: userId,
    action: "auth.sign_out_everywhere",
    subjectType: "User",
    subjectId: userId,
    data: { count },
  });
  return count;
}

/** Checks an email and password; null for unknown, wrong or deactivated alike. */
export async function verifyLogin(email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, deactivatedAt: true, password: { select: { hash: true } } },
  });
  // hash even for unknown accounts so timing does not reveal which emails exist
  const stored =
    user?.password?.hash ??
    "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  const valid = await verifyPassword(password, stored);
  if (!user || !valid || user.deactivatedAt || !user.password) return null;
  return { id: user.id };
}

/**
 * Changes the password and ends every other sign-in of the person (their live-notes sockets too,
 * as "sign out everywhere" does); the sign-in that changed it (`keepLoginSessionId`) stays.
 */
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepLoginSessionId: string | undefined,
) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { password: { select: { hash: true } } },
  });
  if (!user?.password || !(await verifyPassword(currentPassword, user.password.hash))) return false;
  const hash = await hashPassword(newPassword);
  const revoked = { userId, exceptLoginSessionId: keepLoginSessionId };
  await prisma.$transaction(async (tx) => {
    await tx.password.update({ where: { userId }, data: { hash } });
    const { count } = await tx.loginSession.deleteMany({
      where: { userId, ...(keepLoginSessionId ? { id: { not: keepLoginSessionId } } : {}) },
    });
    await notifyRevokedLogins(tx, revoked);
    await logActivity(
      {
        actorId: userId,
        action: "auth.password_changed",
        subjectType: "User",
        subjectId: userId,
        data: { signedOut: count },
      },
      tx,
    );
  });
  announceRevokedLogins(revoked);
  return true;
}

export type ProfileInput = {
  name: string;
  position?: string;
  phone?: string;
  /** E.164 or null to remove it; left as it is when absent */
  whatsapp?: string | null;
  locale: "id" | "en";
  timeZone?: string;
};

export async function updateProfile(userId: string, input: ProfileInput) {
  return prisma.user.update({
    where: { id: userId },
    data: {
      name: input.name,
      position: input.position || null,
      phone: input.phone || null,
      ...(input.whatsapp !== undefined ? { whatsapp: input.whatsapp } : {}),
      locale: input.locale,
      timeZone: input.timeZone || null,
    },
  });
}

// ── invitations ──

export type InvitationInput = {
  email: string;
  name?: string;
  role: Role;
  regionCode?: string;
  organisationId?: string;
};

/** Records an invitation and queues its email; returns the token (only ever sent by email). */
export async function inviteUser(invitedById: string, input: InvitationInput) {
  return prisma.$transaction((tx) => createInvitation(tx, invitedById, input));
}

/**
 * The invitation, its email in the outbox and its activity line, inside the caller's transaction
 * (a cohort import invites a whole cohort all or nothing). Returns the token.
 */
export async function createInvitation(
  tx: Prisma.TransactionClient,
  invitedById: string,
  input: InvitationInput,
) {
  const token = newToken();
  const email = normaliseEmail(input.email);
  const invitation = await tx.invitation.create({
    data: {
      email,
      name: input.name || null,
      role: input.role,
      regionCode: input.regionCode || null,
      organisationId: input.organisationId || null,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      invitedById,
    },
  });
  await queueEmail(
    {
      to: email,
      subject: "Undangan ke Lintas / Invitation to Lintas",
      text:
        `Anda diundang ke Lintas. Buka tautan ini untuk membuat kata sandi (berlaku ${INVITATION_DAYS} hari):\n` +
        `${env.APP_URL}/undangan/${token}\n\n` +
        `You are invited to Lintas. Open this link to set your password (valid for ${INVITATION_DAYS} days).`,
    },
    tx,
  );
  await logActivity(
    {
      actorId: invitedById,
      action: "user.invited",
      subjectType: "Invitation",
      subjectId: invitation.id,
      data: { email, role: input.role },
    },
    tx,
  );
  return token;
}

export async function findOpenInvitation(token: string) {
  return prisma.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, name: true, role: true, regionCode: true },
  });
}

/** Accepts an invitation once: creates (or extends) the account and its membership. */
export async function acceptInvitation(token: string, input: { name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // claiming the row in the same statement makes a second acceptance find nothing
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) return null;
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    const user = await tx.user.upsert({
      where: { email: invitation.email },
      create: {
        email: invitation.email,
        name: input.name,
        regionCode: invitation.regionCode,
        organisationId: invitation.organisationId,
        password: { create: { hash: passwordHash } },
      },
      update: {},
    });
    // an account created ahead of its invitation (a cohort import) gets its first password here;
    // an account that already has one keeps it
    await tx.password.upsert({
      where: { userId: user.id },
      create: { userId: user.id, hash: passwordHash },
      update: {},
    });
    const existing = await tx.membership.findFirst({
      where: {
        userId: user.id,
        role: invitation.role,
        regionCode: invitation.regionCode,
        organisationId: invitation.organisationId,
      },
    });
    if (!existing) {
      await tx.membership.create({
        data: {
          userId: user.id,
          role: invitation.role,
          regionCode: invitation.regionCode,
          organisationId: invitation.organisationId,
        },
      });
    }
    await logActivity(
      {
        actorId: user.id,
        action: "user.invitation_accepted",
        subjectType: "User",
        subjectId: user.id,
        data: { role: invitation.role },
      },
      tx,
    );
    return { id: user.id };
  });
}

// ── password reset ──

export const PASSWORD_RESET_JOB = "auth.password-reset";

/**
 * A reset request goes to the job queue as it came, for known and unknown emails alike: the answer
 * leaves before anything depends on whether the account exists, so its timing cannot tell.
 */
export async function queuePasswordResetRequest(email: string) {
  await enqueueJob({ kind: PASSWORD_RESET_JOB, payload: { email: normaliseEmail(email) }, maxAttempts: 3 });
}

/** Queues a reset email when the account exists; says nothing either way (no enumeration). */
export async function requestPasswordReset(email: string) {
  const user = await prisma.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return;
  const token = newToken();
  await prisma.$transaction(async (tx) => {
    await tx.passwordReset.create({
      data: {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
      },
    });
    await queueEmail(
      {
        to: user.email,
        subject: "Atur ulang kata sandi Lintas / Reset your Lintas password",
        text:
          `Buka tautan ini untuk mengatur ulang kata sandi (berlaku ${RESET_MINUTES} menit, sekali pakai):\n` +
          `${env.APP_URL}/lupa-sandi/${token}\n\n` +
          `Open this link to reset your password (valid for ${RESET_MINUTES} minutes, once).\n` +
          "Jika Anda tidak memintanya, abaikan email ini. / If you did not ask for it, ignore this email.",
      },
      tx,
    );
  });
}

export async function isResetTokenUsable(token: string) {
  const reset = await prisma.passwordReset.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return !!reset;
}

/** Sets a new password with a one-time token; ends every session of the account. */
export async function resetPassword(token: string, newPassword: string) {
  const hash = await hashPassword(newPassword);
  const userId = await prisma.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findFirst({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    });
    if (!reset) return null;
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return null;
    await tx.password.upsert({
      where: { userId: reset.userId },
      create: { userId: reset.userId, hash },
      update: { hash },
    });
    await tx.loginSession.deleteMany({ where: { userId: reset.userId } });
    await notifyRevokedLogins(tx, { userId: reset.userId });
    await logActivity(
      { actorId: reset.userId, action: "auth.password_reset", subjectType: "User", subjectId: reset.userId },
      tx,
    );
    return reset.userId;
  });
  if (!userId) return false;
  announceRevokedLogins({ userId });
  return true;
}

// ── administration ──

export async function listPeople({ query, take = 100 }: { query?: string; take?: number } = {}) {
  const q = query?.trim();
  return prisma.user.findMany({
    where: q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { email: { contains: q, mode: "insensitive" } },
          ],
        }
      : undefined,
    orderBy: { name: "asc" },
    take,
    select: {
      id: true,
      name: true,
      email: true,
      position: true,
      deactivatedAt: true,
      region: { select: { name: true } },
      memberships: { select: { id: true, role: true, regionCode: true } },
    },
  });
}

export async function setMembershipRole(actorId: string, membershipId: string, role: Role) {
  const membership = await prisma.membership.findUnique({ where: { id: membershipId } });
  if (!membership) return null;
  await prisma.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: membershipId }, data: { role } });
    await logActivity(
      {
        actorId,
        action: "user.role_changed",
        subjectType: "User",
        subjectId: membership.userId,
        data: { from: membership.role, to: role },
      },
      tx,
    );
  });
  return membership.userId;
}

/** Deactivates an account: it can no longer sign in and its sessions end; its work stays. */
export async function deactivateUser(actorId: string, userId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
    await tx.loginSession.deleteMany({ where: { userId } });
    await notifyRevokedLogins(tx, { userId });
    await logActivity({ actorId, action: "user.deactivated", subjectType: "User", subjectId: userId }, tx);
  });
  announceRevokedLogins({ userId });
}

export async function reactivateUser(actorId: string, userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
  await logActivity({ actorId, action: "user.reactivated", subjectType: "User", subjectId: userId });
}
