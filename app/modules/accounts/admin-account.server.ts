// The first admin of a deployment without demo data (`npm run admin:create`), and any later admin
// an operator has to make from the command line. Idempotent: an existing account gets the role.
import { generateAdminPassword } from "~/auth/admin-password";
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { notifyRevokedLogins } from "~/modules/accounts/revoked-logins.server";
import { normaliseEmail } from "~/modules/accounts/user.server";

export type AdminAccountResult = {
  userId: string;
  /** a new account was made */
  created: boolean;
  /** the ADMIN role was added (false: it had it already) */
  promoted: boolean;
  /** a deactivated account was reactivated */
  reactivated: boolean;
  /** the password was set (a new account, or an existing one given a password) */
  passwordSet: boolean;
  /** the password made for a new account given none: show it once, it is stored only hashed */
  generatedPassword?: string;
};

/**
 * Makes `email` an admin: a new account with `name` and `password` (generated when none is given),
 * or the existing account given the ADMIN role (no duplicate), reactivated if it was deactivated.
 * An existing account keeps its password unless one is given. One transaction.
 */
export async function ensureAdminAccount(input: {
  email: string;
  name?: string;
  password?: string;
}): Promise<AdminAccountResult> {
  const email = normaliseEmail(input.email);
  const given = input.password === undefined ? undefined : await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, deactivatedAt: true, memberships: { select: { role: true } } },
    });
    if (!existing) {
      if (!input.name?.trim()) throw new Error("a new account needs a name (--name)");
      const generatedPassword = given ? undefined : generateAdminPassword();
      const hash = given ?? (await hashPassword(generatedPassword!));
      const user = await tx.user.create({
        data: {
          email,
          name: input.name.trim(),
          password: { create: { hash } },
          memberships: { create: { role: "ADMIN" } },
        },
        select: { id: true },
      });
      return {
        userId: user.id,
        created: true,
        promoted: true,
        reactivated: false,
        passwordSet: true,
        generatedPassword,
      };
    }
    const promoted = !existing.memberships.some((m) => m.role === "ADMIN");
    if (promoted) await tx.membership.create({ data: { userId: existing.id, role: "ADMIN" } });
    const reactivated = existing.deactivatedAt !== null;
    if (reactivated) await tx.user.update({ where: { id: existing.id }, data: { deactivatedAt: null } });
    if (given) {
      await tx.password.upsert({
        where: { userId: existing.id },
        create: { userId: existing.id, hash: given },
        update: { hash: given },
      });
      // a replaced password signs out the browsers that knew the old one
      await tx.loginSession.deleteMany({ where: { userId: existing.id } });
      // a command of its own: the app processes on this PostgreSQL close those people's sockets
      await notifyRevokedLogins(tx, { userId: existing.id });
    }
    return { userId: existing.id, created: false, promoted, reactivated, passwordSet: Boolean(given) };
  });
}
