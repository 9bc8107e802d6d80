// Environment variables, validated once. Defaults make the embedded SQLite set-up work with no
// configuration at all.
import { randomBytes } from "node:crypto";
import { z } from "zod";

export const MAKE_SECRET_HINT = "make one with `openssl rand -base64 32` and put BETTER_AUTH_SECRET=<it> in .env or the environment";

const ZEnv = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/convlab.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BETTER_AUTH_URL: z.string().url().optional(),
  BETTER_AUTH_SECRET: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(32, `use at least 32 random characters (${MAKE_SECRET_HINT})`).optional(),
  ),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** lets monitoring read /api/health's full figures with "Authorization: Bearer <token>" */
  CONVLAB_METRICS_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(16, "use at least 16 characters").optional()),
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
