// Run: grades the student's code on the exercise's sample cases. Nothing is recorded and no
// attempt is counted; one run per student at a time keeps the pool for everybody.
import { gradeSubmission } from "@/grading/grade-submission";
import type { TGradingResult } from "@/grading/result-schema";
import type { TRunner } from "@/grading/runner";
import { formatWallTime } from "@/i18n/format-time";
import { evaluateDeadline } from "@/server/assignments/late-policy";
import { loadAssignmentExercise } from "@/server/assignments/load-assignment-exercise";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canPreviewUnopenedAssignment } from "@/server/permissions/assignment-permissions";
import type { TSessionUser } from "@/server/permissions/roles";

const running = new Set<string>();

export async function runSamples(
  db: TDb,
  options: { user: TSessionUser; assignmentId: string; slug: string; code: string; runner: TRunner },
): Promise<TGradingResult> {
  const { assignment, exercise, membership } = await loadAssignmentExercise(db, options);
  // After the due date Run stays open for practice; before the opening only staff try it out.
  if (evaluateDeadline(assignment, new Date()).kind === "not-open" && !canPreviewUnopenedAssignment(options.user, membership)) {
    throw new AppError("forbidden", "runNotOpenYet", { opensAt: formatWallTime(assignment.opensAt.toISOString(), assignment.timeZone) });
  }
  if (running.has(options.user.id)) {
    throw new AppError("rate_limited", "runStillGoing");
  }
  running.add(options.user.id);
  try {
    return (await gradeSubmission({ exercise: exercise.slug, source: options.code, mode: "run", runner: options.runner })).result;
  } finally {
    running.delete(options.user.id);
  }
}
