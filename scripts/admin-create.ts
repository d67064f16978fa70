// npm run admin:create -- --email ops@example.org --name "Nama Operator" [--password-stdin]
// Makes the first admin of a deployment without demo data (or any later one), without a prompt:
// the password comes from standard input with --password-stdin, or is generated and printed once.
// Idempotent: an existing account gets the ADMIN role (and is reactivated) instead of a duplicate.
import { parseArgs } from "node:util";
import { z } from "zod";
import { adminPasswordProblem } from "../app/auth/admin-password";
import { env } from "../app/env.server";
import { prepareDatabase } from "../server/prepare";

const USAGE =
  'Usage: npm run admin:create -- --email <address> --name "<full name>" [--password-stdin]\n' +
  '  --password-stdin  read the password from standard input (e.g. printf %s "$PW" | npm run …);\n' +
  "                    without it a new account gets a generated password, printed once.";

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let values: { email?: string; name?: string; "password-stdin"?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const email = z
  .string()
  .trim()
  .max(254)
  .email()
  .safeParse(values.email ?? "");
if (!email.success) fail(`--email must be an email address.\n${USAGE}`, 2);
const name = values.name?.trim();
if (name !== undefined && (name.length < 2 || name.length > 120))
  fail("--name must be 2 to 120 characters.", 2);

let password: string | undefined;
if (values["password-stdin"]) {
  if (process.stdin.isTTY) fail('--password-stdin reads a pipe, not a terminal: printf %s "$PW" | …', 2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // one trailing newline is the shell's, not the password's
  password = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  const problem = adminPasswordProblem(password, { email: email.data, name });
  if (problem) fail(`Refused: ${problem}. Nothing was changed.`);
}

const { database } = await prepareDatabase(env, { seed: false });
let exitCode = 0;
try {
  const { ensureAdminAccount } = await import("../app/modules/accounts/admin-account.server");
  const result = await ensureAdminAccount({ email: email.data, name, password });
  if (result.created) console.log(`Created the admin account ${email.data}.`);
  else if (result.promoted) console.log(`${email.data} already had an account; it now has the ADMIN role.`);
  else console.log(`${email.data} is already an admin.`);
  if (result.reactivated) console.log("The account was deactivated; it is active again.");
  if (!result.created && result.passwordSet)
    console.log("Its password was replaced and its sign-in sessions ended.");
  if (result.generatedPassword) {
    console.log(`Password (shown once, stored only hashed): ${result.generatedPassword}`);
    console.log("Sign in and change it on /profil.");
  }
} catch (error) {
  console.error(`Refused: ${(error as Error).message}. Nothing was changed.`);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
