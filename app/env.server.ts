// Every environment variable Lintas reads, parsed once, with defaults and clear messages.
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    /** postgresql://… for a server; empty or a directory for embedded PGlite */
    DATABASE_URL: z.string().trim().optional(),
    /** where the embedded database lives when DATABASE_URL is not a postgres URL */
    DATA_DIR: z.string().default("./data/pg"),
    /** the embedded database in its own thread, spoken to over the wire protocol (0066) */
    DATABASE_THREAD: z.enum(["true", "false"]).default("true"),
    /** public base URL, used in emails and calendar files */
    APP_URL: z.string().url().default("http://localhost:3000"),
    /** signs the sign-in cookie; unset in production on the embedded database: one is generated (0039) */
    SESSION_SECRET: z
      .string()
      .min(16, "SESSION_SECRET must be at least 16 characters")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    UPLOAD_DIR: z.string().default("./data/uploads"),
    /** largest evidence file accepted, in megabytes */
    UPLOAD_MAX_MB: z.coerce.number().positive().max(100).default(5),
    SMTP_URL: optionalUrl,
    MAIL_FROM: z.string().default("Lintas <noreply@lintas.local>"),
    LIVEKIT_URL: optionalUrl,
    LIVEKIT_API_KEY: z.string().optional(),
    LIVEKIT_API_SECRET: z.string().optional(),
    /** "true" when the LiveKit server has Egress: facilitators can record sessions (docs/decisions/0016) */
    LIVEKIT_EGRESS_ENABLED: z.enum(["true", "false"]).default("false"),
    /** WhatsApp Business Cloud API: reminders and invitations also by WhatsApp when both are set (0058) */
    WHATSAPP_TOKEN: z.string().trim().optional(),
    WHATSAPP_PHONE_NUMBER_ID: z.string().trim().optional(),
    WHATSAPP_API_URL: z.string().trim().url().default("https://graph.facebook.com/v21.0"),
    /** an approved message template with one body parameter; empty: plain text messages */
    WHATSAPP_TEMPLATE: z.string().trim().optional(),
    WHATSAPP_TEMPLATE_LANGUAGE: z.string().trim().default("id"),
    /** "false" to start on an empty database without demo data */
    /** Express "trust proxy" setting behind a reverse proxy, e.g. 1 or "loopback" */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === "" ? undefined : /^\d+$/.test(v) ? Number(v) : v)),
    SEED_ON_EMPTY: z.enum(["true", "false"]).default("true"),
    /** "false" keeps this process from running background jobs (reminders, outbox, check-ins) */
    WORKER: z.enum(["true", "false"]).default("true"),
    /** keep anonymous catalogue pages in memory while the catalogue is unchanged (app/utils/page-cache.server.ts) */
    PAGE_CACHE: z.enum(["true", "false"]).default("true"),
    /** how long the PMU dashboard's programme-wide figures are kept (0: counted on every visit) */
    DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    /** evidence files in an S3-compatible bucket instead of UPLOAD_DIR (docs/decisions/0019) */
    S3_BUCKET: z.string().trim().optional(),
    /** e.g. http://minio:9000; empty for AWS S3 */
    S3_ENDPOINT: optionalUrl,
    S3_REGION: z.string().trim().default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().trim().optional(),
    S3_SECRET_ACCESS_KEY: z.string().trim().optional(),
    /** "true" for MinIO and most S3-compatible servers (bucket in the path, not the host name) */
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
    /** redis://… to keep live notes in step across several app processes (Hocuspocus Redis extension) */
    REDIS_URL: z
      .string()
      .trim()
      .regex(/^rediss?:\/\//, "REDIS_URL must be redis://… or rediss://…")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .superRefine((value, ctx) => {
    if (
      value.DATABASE_URL &&
      /^[a-z]+:\/\//.test(value.DATABASE_URL) &&
      !/^(postgres(ql)?|memory):\/\//.test(value.DATABASE_URL)
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["DATABASE_URL"],
        message: "DATABASE_URL must be postgresql://… (a server), memory:// or a directory (embedded PGlite)",
      });
    }
    if (Boolean(value.WHATSAPP_TOKEN) !== Boolean(value.WHATSAPP_PHONE_NUMBER_ID)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["WHATSAPP_TOKEN"],
        message: "Set WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID together (or neither)",
      });
    }
    const livekit = [value.LIVEKIT_URL, value.LIVEKIT_API_KEY, value.LIVEKIT_API_SECRET].filter(
      Boolean,
    ).length;
    if (livekit > 0 && livekit < 3) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["LIVEKIT_URL"],
        message: "Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together (or none of them)",
      });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

/** Signs cookies in development and tests only; production never accepts it (0039). */
export const DEVELOPMENT_SESSION_SECRET = "lintas-development-secret-change-me";

/**
 * The secret that signs the sign-in cookie. In production it is SESSION_SECRET, which
 * server/start.ts settles before anything creates the session storage (generated and kept beside
 * the embedded database when unset); outside production a fixed development value stands in.
 */
export function sessionSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV !== "production") return DEVELOPMENT_SESSION_SECRET;
  throw new Error(
    "SESSION_SECRET is not set: production signs sign-in cookies only with a secret of its own",
  );
}

export const livekitConfigured = Boolean(env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET);
