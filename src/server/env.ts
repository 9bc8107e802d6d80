// Every environment variable ConvLab's server side reads, with its default, validated once.
// Defaults make the embedded SQLite set-up work with no configuration at all. Unset and empty
// variables both mean "use the default". (runner/ and src/grading stay free of app code: the
// runner's pool size reaches it as an option; CONVLAB_EXERCISES_DIR and CONVLAB_RUNNER_DIR,
// test-only relocations of exercises/ and runner/python, are read where they are used.)
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "../../prisma/database-url";

const ZFlag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");
const ZCount = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const MAKE_SECRET_HINT = "make one with `openssl rand -base64 32` and put BETTER_AUTH_SECRET=<it> in .env or the environment";

const DURATION_UNITS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "10/15m": ten per fifteen minutes; "off" turns the limit off (only ever on purpose). */
const ZRateLimit = z
  .string()
  .trim()
  .regex(/^(off|\d{1,9}\/\d{1,6}[smhd])$/, 'write "<count>/<window>" such as 10/15m (units s, m, h, d), or off')
  .transform((spec) => {
    if (spec === "off") return null;
    const [count, window] = spec.split("/") as [string, string];
    const unit = window.slice(-1) as keyof typeof DURATION_UNITS;
    return { count: Number(count), windowSeconds: Number(window.slice(0, -1)) * DURATION_UNITS[unit] };
  })
  .refine((limit) => limit === null || (limit.count > 0 && limit.windowSeconds > 0), "count and window must be above 0");
export type TRateLimit = { count: number; windowSeconds: number };

/** A limit variable: unset or empty means its default. */
const rateLimitVariable = (defaultSpec: string) => z.preprocess((value) => (value === "" ? undefined : value), ZRateLimit.prefault(defaultSpec));

const ZEnv = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  PORT: ZCount(1, 65535).default(3000),
  BETTER_AUTH_URL: z.string().url().optional(),
  BETTER_AUTH_SECRET: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(32, `use at least 32 random characters (${MAKE_SECRET_HINT})`).optional(),
  ),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** lets monitoring read /api/health's full figures with "Authorization: Bearer <token>" */
  CONVLAB_METRICS_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(16, "use at least 16 characters").optional()),
  /** smtp(s)://user:password@host:port delivers mail; unset keeps every mail in the admin's outbox */
  SMTP_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^smtps?:\/\/[^\s]+$/, "use smtp://… or smtps://…").optional()),
  MAIL_FROM: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(3).default("ConvLab <no-reply@convlab.invalid>")),
  /**
   * sandboxes a grading process runs at once (the runner's warm pool). 8: in the load test
   * (README, "Deadline night") a pool of 8 brought the p95 from 51 s (pool 4) to 17 s.
   */
  RUNNER_POOL_SIZE: ZCount(1, 64).default(8),
  /** how many of those may grade submissions that outlived the fast lane; default one per CPU core */
  CONVLAB_SLOW_LANE_SLOTS: ZCount(1, 64).optional(),
  /** wall-clock seconds of the first, short attempt (its CPU limit is half of it, at least 1 s) */
  CONVLAB_FAST_LANE_SECONDS: z.coerce.number().min(0.2).max(60).default(1),
  /** grade in the web server; default: yes on SQLite, no on PostgreSQL (workers do it) */
  CONVLAB_GRADE_IN_PROCESS: ZFlag.optional(),
  /** queued submissions beyond which new ones are refused with 503 */
  CONVLAB_MAX_QUEUED: ZCount(1, 1_000_000).default(2000),
  /** how often an idle grading process looks for work nobody announced to it */
  CONVLAB_GRADING_POLL_MS: ZCount(100, 60_000).default(500),
  /** added to a grading's longest legitimate duration to give its lease (pg-boss expiry) */
  CONVLAB_LEASE_MARGIN_SECONDS: ZCount(5, 3600).default(30),
  /** how often pg-boss maintenance (expiring dead workers' jobs) runs */
  CONVLAB_MAINTENANCE_SECONDS: ZCount(1, 3600).default(10),
  /** names this grading process in logs, tokens and the health report */
  CONVLAB_WORKER_NAME: z
    .string()
    .regex(/^[\w.-]{1,40}$/, "use letters, digits, '.', '-' and '_' (at most 40)")
    .optional(),
  /**
   * The header the operator's reverse proxy writes the client address into (X-Forwarded-For,
   * X-Real-IP, …); its right-most entry is used. Unset: the socket's peer address, so a header a
   * client sends itself never picks the address its rate limits count against.
   */
  CONVLAB_TRUSTED_PROXY_HEADER: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "name one header, such as X-Forwarded-For").transform((name) => name.toLowerCase()).optional(),
  ),
  /** "1" turns every rate limit and the storage budget off (load tests, the e2e suite) */
  CONVLAB_DISABLE_RATE_LIMIT: z
    .enum(["", "0", "1", "false", "true"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  // Rate limits (README "Rate limits"): attempts per window unless said otherwise.
  CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT: rateLimitVariable("10/15m"),
  CONVLAB_LIMIT_SIGN_IN_PER_IP: rateLimitVariable("60/15m"),
  CONVLAB_LIMIT_SIGN_UP_PER_IP: rateLimitVariable("10/1h"),
  CONVLAB_LIMIT_JOIN_PER_USER: rateLimitVariable("10/15m"),
  /** seconds of sandbox time a student's Runs may use per window */
  CONVLAB_LIMIT_RUN_SECONDS_PER_USER: rateLimitVariable("1/20s"),
  CONVLAB_LIMIT_SUBMISSIONS_PER_EXERCISE: rateLimitVariable("30/1h"),
  /** MB of submitted code a student may store in all (UTF-8 bytes); "off" for no budget */
  CONVLAB_STORAGE_BUDGET_MB: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .trim()
      .regex(/^(off|\d{1,6})$/, "write a number of MB, or off")
      .transform((value) => (value === "off" ? null : Number(value)))
      .prefault("20"),
  ),
});

export type TEnv = z.infer<typeof ZEnv>;

function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
}

/** Validates the given variables (process.env, or a test's own); throws naming the first wrong one. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

let cached: TEnv | undefined;

/** This process's environment, validated on first use. */
export function readEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Drops cached settings, for tests that change the environment. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * The secret that signs sessions and email tokens. There is no fallback: a known secret lets anyone
 * forge tokens. Only `next build` runs without one; it evaluates the server modules but serves no
 * request, so it gets a random secret that dies with it.
 */
export function readAuthSecret(env: TEnv = readEnv()): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (process.env.NEXT_PHASE === "phase-production-build") return randomBytes(32).toString("base64");
  throw new Error(`BETTER_AUTH_SECRET is not set: ${MAKE_SECRET_HINT} (scripts/setup.sh writes one).`);
}
