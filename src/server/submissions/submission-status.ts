// The statuses a stored submission passes through, named once: queued → running → a verdict of
// the grader (graded) or not_gradable (an infrastructure fault, which costs no attempt).
import { ZGradingStatus } from "@/grading/result-schema";

/** Graded: the grader's verdicts. Such a submission has a score and counts as an attempt. */
export const GRADED_STATUSES = ZGradingStatus.options;
/** Stored and waiting for, or being graded by, a grader. */
export const IN_FLIGHT_STATUSES = ["queued", "running"] as const;
/** Done with grading, whatever the outcome. */
export const FINISHED_STATUSES = [...GRADED_STATUSES, "not_gradable"] as const;
