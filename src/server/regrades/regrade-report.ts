// What a regrade job records as it goes, stored in RegradeJob.report: the course it is scoped to
// (a job regrades one exercise's submissions in one course), whose scores changed, and what could
// not be regraded. Reasons are codes, worded in the reader's language by the page.
import { z } from "zod";

const ZRegradeChange = z.object({
  submissionId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  attempt: z.number().int().nullable(),
  oldScore: z.number().nullable(),
  newScore: z.number().nullable(),
  oldStatus: z.string(),
  newStatus: z.string(),
});

const ZRegradeFailure = z.object({
  submissionId: z.string(),
  userId: z.string(),
  name: z.string(),
  attempt: z.number().int().nullable(),
  /** why this submission kept its old grade: the runner could not run it, a new grading took the row, or a server fault */
  reason: z.enum(["runner", "changed", "server"]),
  /** the runner's own words for an operator, when it gave any */
  detail: z.string().nullable(),
});

const ZRegradeReport = z.object({
  courseId: z.string(),
  changes: z.array(ZRegradeChange),
  failures: z.array(ZRegradeFailure),
  unchanged: z.number().int().nonnegative(),
  /** why the job as a whole stopped: a restart of the server, or a fault */
  error: z.enum(["interrupted", "server"]).nullable(),
});
export type TRegradeReport = z.infer<typeof ZRegradeReport>;

export function emptyRegradeReport(courseId: string): TRegradeReport {
  return { courseId, changes: [], failures: [], unchanged: 0, error: null };
}

/** The report of a stored job, or null when it is not one of ours (then no course can claim it). */
export function readRegradeReport(json: unknown): TRegradeReport | null {
  const parsed = ZRegradeReport.safeParse(json);
  return parsed.success ? parsed.data : null;
}
