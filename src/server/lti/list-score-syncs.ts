// The grade-sync view of a course: per LMS-linked assignment, each student's last score, its
// state (sent, pending, failed with the LMS's answer) for the course's instructors.
import type { TDb } from "@/server/db-client";
import { canManageLtiGradeSync } from "@/server/permissions/lti-permissions";
import { requireCourseAccess } from "@/server/permissions/require-course-access";
import type { TSessionUser } from "@/server/permissions/roles";
import { resendScores } from "./score-sync";

export interface TScoreSyncRow {
  userId: string;
  name: string;
  scoreGiven: number | null;
  scoreMaximum: number | null;
  status: "sent" | "pending" | "failed" | "never";
  attempts: number;
  lastError: string | null;
}

export interface TLinkedAssignmentSync {
  ltiResourceLinkId: string;
  assignmentTitle: string;
  rows: TScoreSyncRow[];
}

export async function listScoreSyncs(db: TDb, options: { user: TSessionUser; courseId: string }): Promise<TLinkedAssignmentSync[]> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canManageLtiGradeSync });
  const links = await db.ltiResourceLink.findMany({
    where: { context: { courseId: options.courseId } },
    include: { assignment: { select: { title: true } }, scoreSyncs: true, context: { select: { platformId: true } } },
    orderBy: { createdAt: "asc" },
  });
  const students = await db.enrollment.findMany({ where: { courseId: options.courseId, role: "student", removedAt: null }, include: { user: { select: { id: true, name: true, ltiUsers: { select: { platformId: true } } } } }, orderBy: { user: { name: "asc" } } });
  return links.map((link) => ({
    ltiResourceLinkId: link.id,
    assignmentTitle: link.assignment.title,
    rows: students
      .filter((s) => s.user.ltiUsers.some((u) => u.platformId === link.context.platformId))
      .map((s) => {
        const sync = link.scoreSyncs.find((row) => row.userId === s.userId);
        return {
          userId: s.userId,
          name: s.user.name,
          scoreGiven: sync?.scoreGiven ?? null,
          scoreMaximum: sync?.scoreMaximum ?? null,
          status: sync?.status ?? "never",
          attempts: sync?.attempts ?? 0,
          lastError: sync?.lastError ?? null,
        };
      }),
  }));
}

/** The resend action's check and operation: one student, or everyone when userId is absent. */
export async function resendCourseScores(db: TDb, options: { user: TSessionUser; courseId: string; ltiResourceLinkId: string; userId?: string }): Promise<number> {
  await requireCourseAccess(db, { user: options.user, courseId: options.courseId, can: canManageLtiGradeSync });
  const link = await db.ltiResourceLink.findFirst({ where: { id: options.ltiResourceLinkId, context: { courseId: options.courseId } }, select: { id: true } });
  if (!link) return 0;
  return resendScores(db, { ltiResourceLinkId: link.id, userId: options.userId });
}
