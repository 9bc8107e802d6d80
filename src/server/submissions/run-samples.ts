// Run: grades the student's code on the exercise's sample cases. Nothing is recorded and no
// attempt is counted; one run per student at a time keeps the pool for everybody.
import { gradeSubmission } from "@/grading/grade-submission";
import type { TGradingResult } from "@/grading/result-schema";
import type { TRunner } from "@/grading/runner";
import { loadAssignmentExercise } from "@/server/assignments/load-assignment-exercise";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TSessionUser } from "@/server/permissions/roles";

const running = new Set<string>();

export async function runSamples(
  db: TDb,
  options: { user: TSessionUser; assignmentId: string; slug: string; code: string; runner: TRunner },
): Promise<TGradingResult> {
  const { exercise } = await loadAssignmentExercise(db, options);
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
