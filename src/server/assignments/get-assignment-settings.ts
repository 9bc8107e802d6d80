// An assignment's settings in the shape the assignment form shows them: wall-clock dates in the
// assignment's own zone, the penalty as a percentage.
import type { TDb } from "@/server/db-client";
import { canViewCourseAdmin } from "@/server/permissions/instructor-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { findCourseAssignment } from "./find-course-assignment";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import { utcToZonedLocal } from "./zoned-time";
import type { TReleaseTiming } from "./release";

export interface TAssignmentFormValues {
  title: string;
  exerciseIds: string[];
  opensAt: string;
  dueAt: string;
  timeZone: string;
  allowLate: boolean;
  latePenaltyPercent: number;
  cooldownSeconds: number | null;
  maxAttempts: number | null;
  loadErrorsCostNoAttempt: boolean;
  scoresRelease: TReleaseTiming;
  hiddenDetailsRelease: TReleaseTiming;
}

export async function getAssignmentSettings(
  db: TDb,
  options: { user: TSessionUser; courseId: string; assignmentId: string },
): Promise<TAssignmentFormValues> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canViewCourseAdmin });
  const assignment = await findCourseAssignment(db, options);
  const links = await db.assignmentExercise.findMany({ where: { assignmentId: assignment.id }, orderBy: { order: "asc" }, select: { exerciseId: true } });
  return {
    title: assignment.title,
    exerciseIds: links.map((link) => link.exerciseId),
    opensAt: utcToZonedLocal(assignment.opensAt, assignment.timeZone),
    dueAt: utcToZonedLocal(assignment.dueAt, assignment.timeZone),
    timeZone: assignment.timeZone,
    allowLate: assignment.allowLate,
    latePenaltyPercent: Math.round(assignment.latePenaltyPerDay * 10_000) / 100,
    cooldownSeconds: assignment.cooldownSeconds,
    maxAttempts: assignment.maxAttempts,
    loadErrorsCostNoAttempt: assignment.loadErrorsCostNoAttempt,
    scoresRelease: assignment.scoresRelease,
    hiddenDetailsRelease: assignment.hiddenDetailsRelease,
  };
}
