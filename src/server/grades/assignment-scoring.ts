// An exercise's terms in one assignment: the points it is worth there and how its cases add up
// (AssignmentExercise.points and .scoring, else the exercise's meta.json). Applied to a verdict
// when it is written, and to the stored verdicts, without the sandbox, when the terms or a
// student's own due date change: scores, late penalties, progress and the LMS follow.
import { readExerciseMeta } from "@/grading/exercise-files";
import { ZGradingResult, type TGradingResult } from "@/grading/result-schema";
import { rescoreResult, type TScoringRule } from "@/grading/score-cases";
import { effectiveDueAt } from "@/server/assignments/effective-due";
import { applyLatePenalty, evaluateDeadline } from "@/server/assignments/late-policy";
import type { TDb } from "@/server/db-client";
import { recomputeProgress } from "@/server/grading-queue/recompute-progress";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

export interface TScoringTerms {
  points: number;
  scoring: TScoringRule;
}

/** The database's spelling of a scoring rule (an enum value cannot hold a hyphen). */
export const SCORING_RULES = { proportional: "proportional", all_or_nothing: "all-or-nothing" } as const satisfies Record<string, TScoringRule>;

async function readTerms(link: { points: number | null; scoring: keyof typeof SCORING_RULES | null; exercise: { slug: string; points: number } }): Promise<TScoringTerms> {
  const scoring = link.scoring ? SCORING_RULES[link.scoring] : (await readExerciseMeta(link.exercise.slug)).scoring;
  return { points: link.points ?? link.exercise.points, scoring };
}

/** A fresh verdict in the terms of the assignment it was submitted to (unchanged outside assignments). */
export async function scoreForAssignment(db: TDb | TTx, options: { assignmentId: string | null; exerciseId: string }, result: TGradingResult): Promise<TGradingResult> {
  if (options.assignmentId === null || !result.gradable) return result;
  const link = await db.assignmentExercise.findUnique({
    where: { assignmentId_exerciseId: { assignmentId: options.assignmentId, exerciseId: options.exerciseId } },
    include: { exercise: { select: { slug: true, points: true } } },
  });
  return link ? rescoreResult(result, await readTerms(link)) : result;
}

/** The late flag and penalty of a submission received at `at` against the student's own due date. */
function lateTerms(assignment: Parameters<typeof evaluateDeadline>[0], at: Date, kept: { isLate: boolean; latePenalty: number }) {
  const verdict = evaluateDeadline(assignment, at);
  if (verdict.kind === "late") return { isLate: true, latePenalty: verdict.penalty };
  // "closed": accepted before the student's due date moved earlier again; it stays as it was graded.
  if (verdict.kind === "closed") return kept;
  return { isLate: false, latePenalty: 0 };
}

/**
 * Re-scores the stored graded Submits of an assignment (optionally only some students or
 * exercises) from their per-case results: the current terms, and the late penalty against each
 * student's own due date. Scores set by hand are separate rows and keep winning. Inside the
 * caller's transaction, with the change that calls for it. Returns how many submissions changed.
 */
export async function rescoreStoredSubmissions(tx: TTx, options: { assignmentId: string; userIds?: string[]; exerciseIds?: string[] }): Promise<number> {
  const assignment = await tx.assignment.findUniqueOrThrow({
    where: { id: options.assignmentId },
    include: {
      exercises: { include: { exercise: { select: { slug: true, points: true } } } },
      exceptions: { select: { userId: true, dueAt: true } },
    },
  });
  const termsBy = new Map<string, TScoringTerms>();
  for (const link of assignment.exercises) termsBy.set(link.exerciseId, await readTerms(link));
  const submissions = await tx.submission.findMany({
    where: {
      assignmentId: assignment.id,
      mode: "submit",
      status: { in: [...GRADED_STATUSES] },
      ...(options.userIds ? { userId: { in: options.userIds } } : {}),
      exerciseId: { in: options.exerciseIds ?? [...termsBy.keys()] },
    },
  });
  const touched = new Map<string, { userId: string; exerciseId: string; courseId: string | null; maxScore: number }>();
  let changed = 0;
  for (const s of submissions) {
    const terms = termsBy.get(s.exerciseId);
    const parsed = ZGradingResult.safeParse(s.result);
    if (!terms || !parsed.success) continue;
    const result = rescoreResult(parsed.data, terms);
    const dueAt = effectiveDueAt(assignment, assignment.exceptions.find((e) => e.userId === s.userId));
    const late = lateTerms({ ...assignment, dueAt }, s.receivedAt, s);
    const score = applyLatePenalty(result.score, late.latePenalty);
    if (score === s.score && result.maxScore === s.maxScore && late.isLate === s.isLate && late.latePenalty === s.latePenalty) continue;
    await tx.submission.update({ where: { id: s.id }, data: { score, maxScore: result.maxScore, result, ...late } });
    touched.set(`${s.userId} ${s.exerciseId}`, { userId: s.userId, exerciseId: s.exerciseId, courseId: s.courseId, maxScore: result.maxScore });
    changed += 1;
  }
  for (const progress of touched.values()) await recomputeProgress(tx, progress);
  return changed;
}
