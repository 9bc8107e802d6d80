// Who may read the operator's figures (queue depth, grader names, verdict times) from
// /api/health: an admin's session, or a monitoring system presenting CONVLAB_METRICS_TOKEN.
// Everyone else, load balancers included, learns only whether ConvLab is up and grading.
import { createHash, timingSafeEqual } from "node:crypto";
import { isAdmin } from "./course-permissions";
import type { TSessionUser } from "./roles";

/** Compares hashes, so neither the token's length nor its content leaks through timing. */
function isSameSecret(presented: string, configured: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(configured));
}

/** A bearer token counts only when the operator configured one; an unset token never matches. */
export function isMetricsTokenValid(presented: string, configured: string | undefined): boolean {
  return configured !== undefined && isSameSecret(presented, configured);
}

export function canReadOperatorMetrics(user: TSessionUser | null, options: { presentedToken: string | null; configuredToken: string | undefined }): boolean {
  if (options.presentedToken !== null && isMetricsTokenValid(options.presentedToken, options.configuredToken)) return true;
  return user !== null && isAdmin(user);
}
