// deploy/compose.yaml cannot be run here (no images): parse it with a YAML parser and check that
// it is what Lintas and docs/operations.md say it is.
import { readFile } from "node:fs/promises";
import { parse, parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

type Service = {
  image?: string;
  restart?: string;
  healthcheck?: { test: string[] | string; disable?: boolean };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
};

async function compose() {
  const document = parseDocument(await readFile("deploy/compose.yaml", "utf8"), { merge: true });
  expect(document.errors).toEqual([]);
  return document.toJS() as { services: Record<string, Service>; volumes: Record<string, unknown> };
}

/** A filled-in .env beside the file, as docs/operations.md asks for. */
const DOT_ENV: Record<string, string> = {
  LINTAS_HOST: "lintas.example.org",
  LIVEKIT_HOST: "livekit.example.org",
  POSTGRES_PASSWORD: "pg-password-long-and-random",
  SESSION_SECRET: "a-session-secret-of-32-characters",
  LIVEKIT_API_KEY: "APIkey",
  LIVEKIT_API_SECRET: "livekit-secret-long-and-random",
  MINIO_ROOT_PASSWORD: "minio-password-long-and-random",
};

/** What docker compose does with ${VAR}, ${VAR:-default} and ${VAR:?message}. */
function interpolate(value: string) {
  return value.replace(
    /\$\{(\w+)(?::([?-])([^}]*))?\}/g,
    (_match, name: string, op?: string, rest?: string) => {
      if (name in DOT_ENV) return DOT_ENV[name];
      if (op === "?") throw new Error(`compose would stop: ${rest}`);
      return op === "-" ? (rest ?? "") : "";
    },
  );
}

describe("deploy/compose.yaml", () => {
  it("runs PostgreSQL, Redis, MinIO, LiveKit and two Lintas processes behind Caddy, each restarted and health-checked", async () => {
    const { services, volumes } = await compose();
    expect(Object.keys(services).sort()).toEqual(
      ["app1", "app2", "caddy", "livekit", "minio", "minio-bucket", "postgres", "redis"].sort(),
    );
    for (const name of ["postgres", "redis", "minio", "app1", "app2", "livekit", "caddy"])
      expect(services[name].restart, name).toBe("unless-stopped");
    for (const app of ["app1", "app2"]) {
      expect(services[app].depends_on).toMatchObject({
        postgres: { condition: "service_healthy" },
        redis: { condition: "service_healthy" },
        "minio-bucket": { condition: "service_completed_successfully" },
      });
      expect(services[app].stop_grace_period).toBe("30s");
    }
    expect(Object.keys(volumes).sort()).toEqual(["caddy", "minio", "pgdata"]);
  });

  it("gives every service a restart policy and a health check run by a tool its image contains", async () => {
    const { services } = await compose();
    /** what each image ships that can probe it (checked against the images' Dockerfiles) */
    const TOOLS: Record<string, string[]> = {
      "postgres:15": ["pg_isready"],
      "redis:7": ["redis-cli"],
      "minio/minio:latest": ["mc"],
      "lintas:latest": ["node"],
      // Alpine final stages: busybox wget, no curl
      "livekit/livekit-server:v1.8": ["wget"],
      "caddy:2-alpine": ["wget"],
    };
    const oneShot = Object.keys(services).filter((name) => services[name].restart === "no");
    for (const [name, service] of Object.entries(services)) {
      expect(service.restart, `${name}: restart policy`).toMatch(
        /^(unless-stopped|always|on-failure(:\d+)?|no)$/,
      );
      if (oneShot.includes(name)) continue;
      const test = service.healthcheck?.test;
      expect(Array.isArray(test), `${name}: a health check as an exec form`).toBe(true);
      expect(service.healthcheck?.disable, name).not.toBe(true);
      const [form, ...command] = test as string[];
      expect(["CMD", "CMD-SHELL"], name).toContain(form);
      const tool = (form === "CMD" ? command[0] : command.join(" ").split(/\s+/)[0]) ?? "";
      expect(TOOLS[service.image ?? ""] ?? [], `${name} (${service.image}) probes with ${tool}`).toContain(
        tool,
      );
    }
    // a one-shot job has no health to check: whoever needs it waits for it to complete
    expect(oneShot).toEqual(["minio-bucket"]);
    for (const service of Object.values(services))
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {}))
        if (oneShot.includes(dependency)) expect(condition).toBe("service_completed_successfully");
        else expect(condition, dependency).toBe("service_healthy");
  });

  it("gives the app processes an environment Lintas accepts: PostgreSQL, Redis and S3 on MinIO", async () => {
    const { services } = await compose();
    const environment = Object.fromEntries(
      Object.entries(services.app1.environment ?? {}).map(([key, value]) => [
        key,
        interpolate(String(value)),
      ]),
    );
    const env = parseEnv(environment);
    // every variable the file sets is one Lintas reads (a typo would be dropped silently)
    for (const key of Object.keys(environment)) expect(Object.keys(env), key).toContain(key);
    expect(env).toMatchObject({
      NODE_ENV: "production",
      REDIS_URL: "redis://redis:6379",
      S3_BUCKET: "lintas",
      S3_ENDPOINT: "http://minio:9000",
      S3_FORCE_PATH_STYLE: "true",
      SEED_ON_EMPTY: "false",
      WORKER: "true",
    });
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/lintas:.+@postgres:5432\/lintas$/);
    expect(env.APP_URL).toBe("https://lintas.example.org");
    expect(env.S3_SECRET_ACCESS_KEY).toBe(DOT_ENV.MINIO_ROOT_PASSWORD);
    expect(services.app2.environment).toEqual(services.app1.environment);
  });

  it("points Caddy at both processes and LiveKit's webhook at Lintas", async () => {
    const caddyfile = await readFile("deploy/Caddyfile", "utf8");
    expect(caddyfile).toMatch(/reverse_proxy app1:3000 app2:3000/);
    expect(caddyfile).toContain("health_uri /healthz");
    const livekit = parse(await readFile("deploy/livekit.yaml", "utf8")) as { webhook: { urls: string[] } };
    expect(livekit.webhook.urls).toEqual(["https://<LINTAS_HOST>/api/livekit/webhook"]);
  });
});
