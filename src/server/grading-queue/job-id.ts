// Deterministic pg-boss job ids: one id per piece of work, so sending it twice (a retry, the
// reconciler) inserts nothing.
import { createHash } from "node:crypto";

/** A UUID-shaped id derived from what the job is about and which kind of job it is. */
export function jobIdFor(id: string, kind: "fast" | "slow" | "regrade" | "lti-score"): string {
  const hex = createHash("sha256").update(`${kind}:${id}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
