// Environment variables, validated once. Defaults make the embedded SQLite set-up work with no
// configuration at all.
import { z } from "zod";

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
  DATABASE_URL: z.string().min(1).default("file:./data/convlab.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BETTER_AUTH_URL: z.string().url().optional(),
  BETTER_AUTH_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** lets monitoring read /api/health's full figures with "Authorization: Bearer <token>" */
  CONVLAB_METRICS_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(16, "use at least 16 characters").optional()),
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

let cached: TEnv | undefined;

export function readEnv(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  cached = parsed.data;
  return cached;
}

/** Drops cached settings, for tests that change the environment. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
