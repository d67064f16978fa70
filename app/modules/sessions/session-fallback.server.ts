// The facilitator (or the host region's officer) sets the fallback the room page offers when the
// conference server is unreachable: a phone/WhatsApp number and another meeting link.
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { OutOfScopeError } from "~/errors";
import type { SessionFallbackInput } from "~/modules/sessions/session-fallback-schemas";
import { mayManageSession } from "~/modules/sessions/queries.server";

export async function setSessionFallback(
  { user }: Pick<Scope, "user">,
  sessionId: string,
  { fallbackPhone, fallbackUrl }: Pick<SessionFallbackInput, "fallbackPhone" | "fallbackUrl">,
) {
  if (!(await mayManageSession(user, sessionId))) throw new OutOfScopeError("not allowed");
  await prisma.session.update({ where: { id: sessionId }, data: { fallbackPhone, fallbackUrl } });
}
