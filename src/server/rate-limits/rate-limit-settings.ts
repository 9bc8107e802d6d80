// The configured limits by name (env, see README "Rate limits"), all off when
// CONVLAB_DISABLE_RATE_LIMIT=1.
import { readEnv, type TRateLimit } from "@/server/env";

const VARIABLES = {
  signInPerAccount: "CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT",
  signInPerAddress: "CONVLAB_LIMIT_SIGN_IN_PER_IP",
  signUpPerAddress: "CONVLAB_LIMIT_SIGN_UP_PER_IP",
  joinPerUser: "CONVLAB_LIMIT_JOIN_PER_USER",
  runSecondsPerUser: "CONVLAB_LIMIT_RUN_SECONDS_PER_USER",
  submissionsPerExercise: "CONVLAB_LIMIT_SUBMISSIONS_PER_EXERCISE",
} as const;

export type TLimitName = keyof typeof VARIABLES;

export function getRateLimit(name: TLimitName): TRateLimit | null {
  const env = readEnv();
  return env.CONVLAB_DISABLE_RATE_LIMIT ? null : env[VARIABLES[name]];
}

/** Bytes of submitted code one student may store, or null for no budget. */
export function getStorageBudgetBytes(): number | null {
  const env = readEnv();
  if (env.CONVLAB_DISABLE_RATE_LIMIT || env.CONVLAB_STORAGE_BUDGET_MB === null) return null;
  return env.CONVLAB_STORAGE_BUDGET_MB * 1024 * 1024;
}
