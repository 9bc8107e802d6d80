// A course to submit to: enrolled students and an open assignment with the "convolution"
// exercise, submissions stored through createSubmission, student code that passes, fails, sleeps
// or never ends, and helpers to wait for the verdicts.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TDb } from "@/server/db-client";
import { syncExercises } from "@/server/exercises/sync-exercises";
import type { TSessionUser } from "@/server/permissions/roles";
import { emptyRegradeReport, readRegradeReport } from "@/server/regrades/regrade-report";
import { createSubmission } from "@/server/submissions/create-submission";
import { FINISHED_STATUSES } from "@/server/submissions/submission-status";
import { root } from "./test-database";

const DAY_MS = 24 * 60 * 60 * 1000;

const read = (file: string) => readFileSync(path.join(root, "exercises", "convolution", file), "utf8");

/** Student code for the "convolution" exercise, by what the grader should say about it. */
export const CODE = {
  correct: read("solution.py"),
  buggy: read("buggy/flipped-kernel.py"),
  /** correct, but sleeps first: longer than a 1 s fast lane, within the exercise's 3 s wall-clock limit */
  sleepy: (seconds: number) => `import time\ntime.sleep(${seconds})\n${read("solution.py")}`,
  endless: "def convolution(img, kernel, padding=1, stride=1):\n    while True:\n        pass\n",
};

export interface TCourse {
  courseId: string;
  assignmentId: string;
  exerciseId: string;
  students: TSessionUser[];
}

/** A course with `studentCount` enrolled students and an open assignment with the "convolution" exercise. */
export async function createCourse(db: TDb, studentCount: number): Promise<TCourse> {
  const exercises = await syncExercises(db);
  const exerciseId = exercises.find((e) => e.slug === "convolution")!.id;
  const tag = randomUUID().slice(0, 8);
  const students: TSessionUser[] = [];
  for (let i = 0; i < studentCount; i += 1) {
    const user = await db.user.create({ data: { name: `Student ${i}`, email: `s${i}-${tag}@convlab.test` } });
    students.push({ id: user.id, email: user.email, name: user.name, role: "student" });
  }
  const course = await db.course.create({
    data: { title: "Deep Learning", code: `G${tag.toUpperCase()}`, enrollments: { create: students.map((s) => ({ userId: s.id, role: "student" as const })) } },
  });
  const assignment = await db.assignment.create({
    data: {
      courseId: course.id,
      title: "Homework 1",
      opensAt: new Date(Date.now() - DAY_MS),
      dueAt: new Date(Date.now() + 7 * DAY_MS),
      exercises: { create: [{ exerciseId, order: 0 }] },
    },
  });
  return { courseId: course.id, assignmentId: assignment.id, exerciseId, students };
}

/** Stores a submission the way the route does (createSubmission), queued and not yet announced. */
export async function submit(db: TDb, course: TCourse, user: TSessionUser, code: string, now?: Date): Promise<string> {
  const { id } = await createSubmission(db, { user, assignmentId: course.assignmentId, slug: "convolution", code, clientToken: `t-${randomUUID()}`, now });
  return id;
}

export const FINISHED = FINISHED_STATUSES;

/** Stores a regrade of one student's submissions as createRegradeJob does (queued, not yet announced). */
export async function storeQueuedRegrade(db: TDb, course: TCourse, studentId: string, createdAt?: Date): Promise<string> {
  const job = await db.regradeJob.create({
    data: { exerciseId: course.exerciseId, userId: studentId, requestedById: studentId, status: "queued", total: 1, report: emptyRegradeReport(course.courseId), createdAt },
    select: { id: true },
  });
  return job.id;
}

/** The stored regrade job, once it is done. */
export async function waitForRegrade(db: TDb, jobId: string, timeoutMs = 60_000) {
  await waitFor("the regrade", async () => (await db.regradeJob.findUniqueOrThrow({ where: { id: jobId } })).status === "done", timeoutMs);
  const job = await db.regradeJob.findUniqueOrThrow({ where: { id: jobId } });
  return { ...job, report: readRegradeReport(job.report)! };
}

/** Polls until `check` returns true, or fails after timeoutMs. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function countUnfinished(db: TDb, ids: string[]): Promise<number> {
  return db.submission.count({ where: { id: { in: ids }, status: { notIn: [...FINISHED] } } });
}
