// Shared set-up of the instructor integration tests: a fresh SQLite file migrated with the real
// `prisma migrate deploy`, the exercises synced from exercises/, two courses with their people,
// and a helper that submits and grades through the real code path.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TRunner } from "@runner";
import type { TDb } from "@/server/db-client";
import { syncExercises } from "@/server/exercises/sync-exercises";
import { claimSubmission, processClaimedSubmission } from "@/server/grading-queue/process-submission";
import type { TSessionUser, TUserRole } from "@/server/permissions/roles";
import { createSubmission } from "@/server/submissions/create-submission";
import { createSqliteDatabase, root, type TTestDatabase } from "../support/test-database";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A fresh migrated SQLite file (tests/support/test-database.ts) with the exercises synced. */
export type { TTestDatabase };

export async function createTestDatabase(): Promise<TTestDatabase> {
  const database = await createSqliteDatabase("instructor");
  await syncExercises(database.db);
  return database;
}

export async function createUser(db: TDb, name: string, role: TUserRole = "student"): Promise<TSessionUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 6)}@convlab.test`;
  const user = await db.user.create({ data: { name, email, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

export interface TWorld {
  admin: TSessionUser;
  instructor: TSessionUser;
  ta: TSessionUser;
  student: TSessionUser;
  otherStudent: TSessionUser;
  /** teaches the other course only */
  otherInstructor: TSessionUser;
  courseId: string;
  otherCourseId: string;
  /** open, due in a week, all exercises, no late work */
  assignmentId: string;
  exerciseIds: Record<string, string>;
}

/** Two courses: "ours" with an instructor, a TA and two students, and another with its own instructor. */
export async function createWorld(db: TDb): Promise<TWorld> {
  const [admin, instructor, ta, student, otherStudent, otherInstructor] = await Promise.all([
    createUser(db, "Admin", "admin"),
    createUser(db, "Ina Instructor", "instructor"),
    createUser(db, "Tao TA"),
    createUser(db, "Ada Student"),
    createUser(db, "Ben Student"),
    createUser(db, "Oz Other", "instructor"),
  ]);
  const course = await db.course.create({
    data: {
      title: "Deep Learning",
      code: `C${randomUUID().slice(0, 7).toUpperCase()}`,
      enrollments: {
        create: [
          { userId: instructor.id, role: "instructor" },
          { userId: ta.id, role: "ta" },
          { userId: student.id, role: "student" },
          { userId: otherStudent.id, role: "student" },
        ],
      },
    },
  });
  const otherCourse = await db.course.create({
    data: { title: "Other course", code: `O${randomUUID().slice(0, 7).toUpperCase()}`, enrollments: { create: [{ userId: otherInstructor.id, role: "instructor" }] } },
  });
  const exercises = await db.exercise.findMany({ orderBy: { order: "asc" } });
  const now = Date.now();
  const assignment = await db.assignment.create({
    data: {
      courseId: course.id,
      title: "Homework 1",
      opensAt: new Date(now - DAY_MS),
      dueAt: new Date(now + 7 * DAY_MS),
      exercises: { create: exercises.map((e, order) => ({ exerciseId: e.id, order })) },
    },
  });
  return {
    admin,
    instructor,
    ta,
    student,
    otherStudent,
    otherInstructor,
    courseId: course.id,
    otherCourseId: otherCourse.id,
    assignmentId: assignment.id,
    exerciseIds: Object.fromEntries(exercises.map((e) => [e.slug, e.id])),
  };
}

export function readExerciseSource(slug: string, file: string): string {
  return readFileSync(path.join(root, "exercises", slug, file), "utf8");
}

/** Submits through createSubmission (deadline, late penalty) and grades through the grading queue's own steps. */
export async function submitAndGrade(
  db: TDb,
  runner: TRunner,
  options: { user: TSessionUser; assignmentId: string; slug: string; code: string; now?: Date },
): Promise<string> {
  const { id } = await createSubmission(db, { ...options, clientToken: `t-${randomUUID()}` });
  if (!(await claimSubmission(db, { submissionId: id, workerId: "test-worker" }))) throw new Error("could not claim the submission");
  const outcome = await processClaimedSubmission(db, { submissionId: id, workerId: "test-worker", runner });
  if (outcome !== "graded") throw new Error(`submission ${id} was ${outcome}`);
  return id;
}
