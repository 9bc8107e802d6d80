// "Link this LMS course to an existing ConvLab course I teach": the LMS context moves to that
// course. The course the first launch created is deleted when nothing was made in it yet, so the
// instructor's course list does not fill up with empty copies.
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canLinkLtiContent } from "@/server/permissions/lti-permissions";
import type { TSessionUser } from "@/server/permissions/roles";
import { getMembership } from "@/server/roster/get-membership";

export async function relinkContext(db: TDb, options: { user: TSessionUser; ltiContextId: string; courseId: string }): Promise<void> {
  const context = await db.ltiContext.findUniqueOrThrow({ where: { id: options.ltiContextId } });
  if (!canLinkLtiContent(options.user, await getMembership(db, { userId: options.user.id, courseId: context.courseId }))) throw new AppError("forbidden", "onlyCourseInstructors");
  if (!canLinkLtiContent(options.user, await getMembership(db, { userId: options.user.id, courseId: options.courseId }))) throw new AppError("forbidden", "onlyCourseInstructors");
  if (context.courseId === options.courseId) return;
  await db.$transaction(async (tx) => {
    const previous = context.courseId;
    await tx.ltiContext.update({ where: { id: context.id }, data: { courseId: options.courseId } });
    const [assignments, submissions, contexts] = await Promise.all([
      tx.assignment.count({ where: { courseId: previous } }),
      tx.submission.count({ where: { courseId: previous } }),
      tx.ltiContext.count({ where: { courseId: previous } }),
    ]);
    if (assignments === 0 && submissions === 0 && contexts === 0) await tx.course.delete({ where: { id: previous } });
  });
}
