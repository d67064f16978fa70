// How strong an admin's password made from the command line must be (npm run admin:create), and
// the one generated when none is given. Pure: the script checks before it opens the database.
import { randomBytes } from "node:crypto";

export const ADMIN_PASSWORD_MIN_LENGTH = 12;

/** words that make a password easy to guess, whatever surrounds them */
const GUESSABLE = [
  "password",
  "passw0rd",
  "katasandi",
  "sandi",
  "qwerty",
  "123456",
  "admin",
  "lintas",
  "rahasia",
];

/**
 * Why a password is too weak for an admin, in English for the operator, or null. At least 12
 * characters, at least 6 different ones, and none of the usual words, the email's name or the
 * person's name in it.
 */
export function adminPasswordProblem(
  password: string,
  person: { email: string; name?: string },
): string | null {
  if (password.length < ADMIN_PASSWORD_MIN_LENGTH)
    return `the password must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > 200) return "the password must be at most 200 characters long";
  if (new Set(password).size < 6) return "the password repeats too few different characters";
  const folded = password.toLowerCase().replace(/[^a-z0-9]/g, "");
  const personal = [
    person.email.trim().toLowerCase().split("@")[0],
    ...(person.name ?? "").toLowerCase().split(/\s+/),
  ].map((word) => word.replace(/[^a-z0-9]/g, ""));
  for (const word of [...GUESSABLE, ...personal.filter((w) => w.length >= 4)])
    if (folded.includes(word)) return `the password contains "${word}", which is easy to guess`;
  return null;
}

/** 24 characters from 18 random bytes (144 bits). */
export function generateAdminPassword() {
  return randomBytes(18).toString("base64url");
}
