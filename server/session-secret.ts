// The secret that signs sign-in cookies in production (docs/decisions/0039): SESSION_SECRET when
// it is set; on the embedded database without it, one generated at the first start and kept
// beside the database (mode 0600), so a newcomer needs no configuration; on a PostgreSQL server,
// where several processes must share one secret, the server refuses to start without it.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEVELOPMENT_SESSION_SECRET, type Env } from "../app/env.server";

/** A start-up refusal: its message is all the operator needs to see. */
export class SessionSecretError extends Error {}

/** Beside the embedded database's directory, like the backup token. */
export function sessionSecretPath(env: Pick<Env, "DATABASE_URL" | "DATA_DIR">): string {
  return path.join(path.dirname(path.resolve(env.DATABASE_URL || env.DATA_DIR)), "session-secret");
}

export async function settleSessionSecret(
  env: Pick<Env, "NODE_ENV" | "SESSION_SECRET" | "DATABASE_URL" | "DATA_DIR">,
  log: (line: string) => void = (line) => console.log(line),
): Promise<string> {
  if (env.NODE_ENV !== "production") return env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET;
  if (env.SESSION_SECRET === DEVELOPMENT_SESSION_SECRET)
    throw new SessionSecretError(
      "SESSION_SECRET is the development value. Set a long random one of your own, e.g. `openssl rand -hex 32`.",
    );
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? ""))
    throw new SessionSecretError(
      "SESSION_SECRET is not set. With a PostgreSQL DATABASE_URL every Lintas process must sign " +
        "sign-in cookies with the same secret: set SESSION_SECRET to a long random value " +
        "(e.g. `openssl rand -hex 32`) in the environment of each process.",
    );
  // an in-memory database is gone at exit, and so are the sign-ins it holds
  if (env.DATABASE_URL === "memory://") return randomBytes(32).toString("hex");
  const file = sessionSecretPath(env);
  const kept = await readFile(file, "utf8").then(
    (text) => text.trim(),
    () => "",
  );
  if (kept.length >= 32) return kept;
  const secret = randomBytes(32).toString("hex");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  // the mode applies only when the file is created: a short or empty one left behind is fixed too
  await chmod(file, 0o600);
  log(`SESSION_SECRET is not set: generated one and kept it in ${file}`);
  return secret;
}
