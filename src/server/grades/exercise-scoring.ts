// An instructor's per-exercise terms in an assignment: the points it is worth there and
// proportional or all-or-nothing scoring (empty: the exercise's own, from meta.json). Saving
// re-scores the stored results in the same transaction, from their per-case results, not in the
// sandbox; scores set by hand keep winning.
import { z } from "zod";
import { readExerciseMeta } from "@/grading/exercise-files";
import type { TScoringRule } from "@/grading/score-cases";
import { findCourseAssignment } from "@/server/assignments/find-course-assignment";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { queueAssignmentScoreSyncs } from "@/server/lti/score-sync";
import { canManageAssignments, canViewCourseAdmin } from "@/server/permissions/instructor-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { rescoreStoredSubmissions, SCORING_RULES } from "./assignment-scoring";

const MAX_POINTS = 1000;
const POINTS_MESSAGE = "scoringPointsRange";

export const ZExerciseScoringInput = z.object({
  exerciseId: z.string().min(1),
  /** "" keeps the exercise's own points */
  points: z
    .string({ error: POINTS_MESSAGE })
    .trim()
    .transform((raw) => (raw === "" ? null : Number(raw)))
    .pipe(z.number({ error: POINTS_MESSAGE }).int(POINTS_MESSAGE).min(1, POINTS_MESSAGE).max(MAX_POINTS, POINTS_MESSAGE).nullable()),
  /** "" keeps the exercise's own rule */
  scoring: z
    .enum(["", "proportional", "all_or_nothing"], { error: "scoringRuleInvalid" })
    .transform((rule) => (rule === "" ? null : rule)),
});
export type TExerciseScoringInput = z.output<typeof ZExerciseScoringInput>;

export interface TExerciseScoringRow {
  exerciseId: string;
  slug: string;
  title: string;
  titleZh: string | null;
  points: number | null;
  scoring: keyof typeof SCORING_RULES | null;
  /** the exercise's own terms, from its folder */
  defaultPoints: number;
  defaultScoring: TScoringRule;
}

export async function listExerciseScoring(db: TDb, options: { user: TSessionUser; courseId: string; assignmentId: string }): Promise<TExerciseScoringRow[]> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewCourseAdmin });
  const assignment = await findCourseAssignment(db, options);
  const links = await db.assignmentExercise.findMany({ where: { assignmentId: assignment.id }, orderBy: { order: "asc" }, include: { exercise: true } });
  return Promise.all(
    links.map(async (link) => ({
      exerciseId: link.exerciseId,
      slug: link.exercise.slug,
      title: link.exercise.title,
      titleZh: link.exercise.titleZh,
      points: link.points,
      scoring: link.scoring,
      defaultPoints: link.exercise.points,
      defaultScoring: (await readExerciseMeta(link.exercise.slug)).scoring,
    })),
  );
}

export async function setExerciseScoring(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string; input: TExerciseScoringInput },
): Promise<{ rescored: number }> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canManageAssignments });
  const assignment = await findCourseAssignment(db, options);
  const { exerciseId, points, scoring } = options.input;
  return db.$transaction(async (tx) => {
    const { count } = await tx.assignmentExercise.updateMany({ where: { assignmentId: assignment.id, exerciseId }, data: { points, scoring } });
    if (count === 0) throw new AppError("not_found", "studentOrExerciseNotFound");
    const rescored = await rescoreStoredSubmissions(tx, { assignmentId: assignment.id, exerciseIds: [exerciseId] });
    // The assignment's maximum may have changed even where no score did.
    await queueAssignmentScoreSyncs(tx, { assignmentId: assignment.id });
    return { rescored };
  });
}
