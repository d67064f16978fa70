// How hard sign-in guessing is made (docs/decisions/0037-sign-in-throttling.md). Every attempt is
// counted before its password is checked, and the decision is taken on the count that same atomic
// statement returns, so concurrent guesses cannot race past a limit.
import { isIPv6 } from "node:net";
import { normaliseEmail } from "~/modules/accounts/user.server";
import { clearRateLimit, hitRateLimit, refundRateLimit } from "~/modules/accounts/rate-limit.server";

export const SIGN_IN_LIMIT = {
  windowMs: 15 * 60_000,
  /** one account from one address: then that pair waits for the window (the owner elsewhere does not) */
  perClient: 5,
  /** one address over all accounts, generous for an office behind one address; successes are refunded */
  perIp: 100,
  /** attempts on one account, from anywhere, that are answered without a pause */
  freeAttempts: 3,
  /** the pause doubles from this with every further attempt on the account… */
  firstDelayMs: 250,
  /** …up to this */
  maxDelayMs: 3_000,
};

/** The pause before the password of the account's n-th attempt in the window is checked. */
export function signInDelayMs(attempt: number, limit = SIGN_IN_LIMIT) {
  if (attempt <= limit.freeAttempts) return 0;
  return Math.min(limit.maxDelayMs, limit.firstDelayMs * 2 ** (attempt - limit.freeAttempts - 1));
}

/** An IPv6 client is its /64: one home or phone gets a whole /64 and can use any address in it. */
export function addressKey(ip: string) {
  if (!isIPv6(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  const [head, tail] = ip.split("::");
  const first = head ? head.split(":") : [];
  const last = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? first : [...first, ...Array(8 - first.length - last.length).fill("0"), ...last];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

function keysFor(email: string, ip: string) {
  const account = normaliseEmail(email);
  const address = addressKey(ip);
  return {
    client: `signin:client:${address}:${account}`,
    ip: `signin:ip:${address}`,
    account: `signin:account:${account}`,
  };
}

/**
 * Counts a sign-in attempt; false when this address has used up its attempts (on the account or
 * overall). Otherwise it waits the account's progressive pause and returns true: the password may
 * be checked.
 */
export async function admitSignInAttempt(email: string, ip: string): Promise<boolean> {
  const keys = keysFor(email, ip);
  const [client, perIp] = await Promise.all([
    hitRateLimit(keys.client, SIGN_IN_LIMIT.windowMs),
    hitRateLimit(keys.ip, SIGN_IN_LIMIT.windowMs),
  ]);
  if (client.count > SIGN_IN_LIMIT.perClient || perIp.count > SIGN_IN_LIMIT.perIp) return false;
  const account = await hitRateLimit(keys.account, SIGN_IN_LIMIT.windowMs);
  const delay = signInDelayMs(account.count);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  return true;
}

/**
 * The right password: this address starts afresh on the account, and the attempt is held neither
 * against the address nor against the account's pause (both count failures, not sign-ins).
 */
export async function signInSucceeded(email: string, ip: string) {
  const keys = keysFor(email, ip);
  await Promise.all([clearRateLimit(keys.client), refundRateLimit(keys.ip), refundRateLimit(keys.account)]);
}
