// Environment variables, validated once. Defaults make the embedded SQLite set-up work with no
// configuration at all.
import { z } from "zod";

const ZEnv = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/convlab.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BETTER_AUTH_URL: z.string().url().optional(),
  BETTER_AUTH_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** lets monitoring read /api/health's full figures with "Authorization: Bearer <token>" */
  CONVLAB_METRICS_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(16, "use at least 16 characters").optional()),
  /** smtp(s)://user:password@host:port delivers mail; unset keeps every mail in the admin's outbox */
  SMTP_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^smtps?:\/\/[^\s]+$/, "use smtp://… or smtps://…").optional()),
  MAIL_FROM: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(3).default("ConvLab <no-reply@convlab.invalid>")),
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
