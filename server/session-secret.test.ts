// Production mode and the session secret (docs/decisions/0039): `npm start` runs production when
// NODE_ENV is unset, never signs cookies with the development secret, refuses to start on
// PostgreSQL without SESSION_SECRET, and on the embedded database generates one secret and keeps it.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVELOPMENT_SESSION_SECRET, parseEnv } from "~/env.server";
import { SessionSecretError, sessionSecretPath, settleSessionSecret } from "./session-secret";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lintas-session-secret-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const quiet = () => {};

describe("settleSessionSecret", () => {
  it("on the embedded database in production generates one secret, keeps it readable by its owner only, and reuses it", async () => {
    const env = parseEnv({ NODE_ENV: "production", DATA_DIR: path.join(dir, "embedded", "pg") });
    const lines: string[] = [];
    const first = await settleSessionSecret(env, (line) => lines.push(line));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = sessionSecretPath(env);
    expect(file).toBe(path.join(dir, "embedded", "session-secret"));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(lines.join("\n")).toContain(file);

    // a restart: the same secret, so sign-ins survive
    expect(await settleSessionSecret(env, quiet)).toBe(first);
    expect((await readFile(file, "utf8")).trim()).toBe(first);
  });

  it("replaces a kept file too short to be a secret", async () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: path.join(dir, "short", "pg") });
    await settleSessionSecret(env, quiet);
    await writeFile(sessionSecretPath(env), "short\n", { mode: 0o644 });
    const secret = await settleSessionSecret(env, quiet);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(sessionSecretPath(env))).mode & 0o777).toBe(0o600);
  });

  it("refuses production on PostgreSQL without SESSION_SECRET, and the development secret anywhere in production", async () => {
    const postgres = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db.example/lintas" });
    await expect(settleSessionSecret(postgres, quiet)).rejects.toThrow(SessionSecretError);
    await expect(settleSessionSecret(postgres, quiet)).rejects.toThrow(/SESSION_SECRET is not set/);

    const development = parseEnv({
      NODE_ENV: "production",
      DATA_DIR: path.join(dir, "dev", "pg"),
      SESSION_SECRET: DEVELOPMENT_SESSION_SECRET,
    });
    await expect(settleSessionSecret(development, quiet)).rejects.toThrow(/development value/);
  });

  it("takes SESSION_SECRET as it is, and lets development and tests use the development secret", async () => {
    const chosen = "a-secret-chosen-by-the-operator";
    const postgres = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://db.example/lintas",
      SESSION_SECRET: chosen,
    });
    expect(await settleSessionSecret(postgres, quiet)).toBe(chosen);
    const development = parseEnv({ NODE_ENV: "development", DATABASE_URL: "postgresql://db.example/lintas" });
    expect(await settleSessionSecret(development, quiet)).toBe(DEVELOPMENT_SESSION_SECRET);
    // an empty SESSION_SECRET= line in a .env file means unset
    expect(parseEnv({ SESSION_SECRET: "" }).SESSION_SECRET).toBeUndefined();
  });
});

describe("`npm start` (server/start.ts)", () => {
  it("runs production when NODE_ENV is unset: on PostgreSQL without SESSION_SECRET it refuses to start, with a clear message", async () => {
    const { NODE_ENV: _node, SESSION_SECRET: _secret, DATABASE_URL: _url, ...inherited } = process.env;
    // nothing listens there: a server that did not refuse would fail on connecting instead
    const env: Record<string, string | undefined> = {
      ...inherited,
      DATABASE_URL: "postgresql://lintas@127.0.0.1:9/lintas",
      PORT: "9",
    };
    const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(1);
    expect(output).toContain("Lintas cannot start: SESSION_SECRET is not set");
    // the refusal, not a crash: no stack trace, no attempt on the database
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toMatch(/ECONNREFUSED/);
  });
});
