// Run before an assignment opens (issue 11): a student's Run is refused with the opening time in
// the assignment's zone, staff may try the exercise out, and after the due date Run still works
// for practice. Real SQLite and the real sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { AppError } from "@/server/errors";
import type { TSessionUser } from "@/server/permissions/roles";
import { runSamples } from "@/server/submissions/run-samples";
import { CODE, createCourse, type TCourse } from "../support/course-fixtures";
import { createSqliteDatabase, type TTestDatabase } from "../support/test-database";

const DAY_MS = 24 * 60 * 60 * 1000;

let database: TTestDatabase;
let runner: TRunner;
let course: TCourse;
let instructor: TSessionUser;

beforeAll(async () => {
  database = await createSqliteDatabase("run-before-open");
  runner = createRunner({ poolSize: 1 });
  course = await createCourse(database.db, 1);
  const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id: course.assignmentId } });
  const user = await database.db.user.create({ data: { name: "Instructor", email: `inst-${course.assignmentId}@convlab.test` } });
  await database.db.enrollment.create({ data: { courseId: assignment.courseId, userId: user.id, role: "instructor" } });
  instructor = { id: user.id, email: user.email, name: user.name, role: "instructor" };
}, 180_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

async function setWindow(opensAt: Date, dueAt: Date): Promise<void> {
  await database.db.assignment.update({ where: { id: course.assignmentId }, data: { opensAt, dueAt, timeZone: "Asia/Shanghai" } });
}

function runAs(user: TSessionUser) {
  return runSamples(database.db, { user, assignmentId: course.assignmentId, slug: "convolution", code: CODE.correct, runner, poolSize: 1 });
}

describe("Run and the opening date", () => {
  it("refuses a student's Run before the assignment opens, naming the opening in the assignment's time zone", async () => {
    await setWindow(new Date("2099-03-01T01:30:00Z"), new Date("2099-03-08T01:30:00Z"));
    const error = await runAs(course.students[0]!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
    expect((error as AppError).key).toBe("runNotOpenYet");
    expect((error as AppError).messageFor("en")).toBe("This assignment opens on 2099-03-01 09:30 (Asia/Shanghai); Run works from then on.");
    expect((error as AppError).messageFor("zh-CN")).toContain("2099-03-01 09:30 (Asia/Shanghai)");
  });

  it("lets course staff try the exercise out before it opens", async () => {
    await setWindow(new Date(Date.now() + DAY_MS), new Date(Date.now() + 7 * DAY_MS));
    const result = await runAs(instructor);
    expect(result.status).toBe("passed");
  });

  it("keeps Run available for practice after the due date", async () => {
    await setWindow(new Date(Date.now() - 7 * DAY_MS), new Date(Date.now() - DAY_MS));
    const result = await runAs(course.students[0]!);
    expect(result.status).toBe("passed");
  });
});
