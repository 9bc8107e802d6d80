// An assignment looked up through its course, so an id from another course is "not found".
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";

export async function findCourseAssignment(db: TDb, options: { courseId: string; assignmentId: string }) {
  const assignment = await db.assignment.findFirst({ where: { id: options.assignmentId, courseId: options.courseId } });
  if (!assignment) throw new AppError("not_found", "assignmentNotFound");
  return assignment;
}
