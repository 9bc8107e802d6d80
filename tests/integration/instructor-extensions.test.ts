// Extensions and exceptions (issue 16): a student's own due date, granted by an instructor, moves
// the Submit refusal, the late penalty, the workspace, the home page and the hidden-details
// release; "excused" shows as EX in the grade export. Bad input changes nothing.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import type { TDb } from "@/server/db-client";
import { createAssignment } from "@/server/assignments/create-assignment";
import { getExerciseWorkspace } from "@/server/assignments/get-exercise-workspace";
import { listStudentAssignments } from "@/server/assignments/list-student-assignments";
import { AppError } from "@/server/errors";
import { ZExtensionInput, type TExtensionInput } from "@/server/extensions/extension-schemas";
import { grantExtensions } from "@/server/extensions/grant-extensions";
import { listExtensions } from "@/server/extensions/list-extensions";
import { removeExtension } from "@/server/extensions/remove-extension";
import { exportGrades } from "@/server/grades/export-grades";
import { createSubmission } from "@/server/submissions/create-submission";
import { getSubmissionView } from "@/server/submissions/get-submission-view";
import { createTestDatabase, createWorld, DAY_MS, readExerciseSource, submitAndGrade, type TTestDatabase, type TWorld } from "./instructor-fixtures";

const HOUR_MS = 60 * 60 * 1000;
let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let w: TWorld;
let lateId: string;
let closedId: string;
const now = Date.now();
/** both assignments were due 36 hours ago */
const dueAt = new Date(now - 36 * HOUR_MS);
const SOLUTION = readExerciseSource("conv-output-shape", "solution.py");

function input(fields: Partial<Record<keyof TExtensionInput, unknown>>): TExtensionInput {
  return ZExtensionInput.parse({ emails: "", dueAt: "", extraHours: "", excused: false, reason: "", ...fields });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function makeAssignment(title: string, allowLate: boolean): Promise<string> {
  const { id } = await createAssignment(db, {
    user: w.instructor,
    courseId: w.courseId,
    settings: {
      title,
      exerciseIds: [w.exerciseIds["conv-output-shape"]!],
      opensAt: new Date(now - 10 * DAY_MS),
      dueAt,
      timeZone: "Asia/Shanghai",
      allowLate,
      latePenaltyPerDay: 0.1,
      cooldownSeconds: null,
      maxAttempts: null,
      loadErrorsCostNoAttempt: true,
      scoresRelease: "immediately" as const,
      hiddenDetailsRelease: "after_due" as const,
    },
  });
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  runner = createRunner({ poolSize: 1 });
  w = await createWorld(db);
  lateId = await makeAssignment("Late homework", true);
  closedId = await makeAssignment("Closed homework", false);
}, 120_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

describe("granting", () => {
  it("refuses an extension that ends before the original due date, and writes nothing", async () => {
    const error = await refusal(
      grantExtensions(db, { user: w.instructor, courseId: w.courseId, assignmentId: lateId, input: input({ emails: w.student.email, dueAt: "2020-01-01T09:00" }) }),
    );
    expect(error.code).toBe("validation");
    expect(error.messageFor("en")).toMatch(/^The new due date 2020-01-01 09:00 \(Asia\/Shanghai\) is not after the assignment's due date .*Nothing was changed\.$/);
    expect(await db.assignmentException.count()).toBe(0);
  });

  it("refuses the whole list when one email is not a student of the course", async () => {
    const error = await refusal(
      grantExtensions(db, {
        user: w.instructor,
        courseId: w.courseId,
        assignmentId: lateId,
        input: input({ emails: `${w.student.email}, ${w.ta.email}\nnobody@convlab.test`, extraHours: "48" }),
      }),
    );
    expect(error.messageFor("en")).toBe(`These are not students of this course: ${w.ta.email}, nobody@convlab.test. Nothing was changed.`);
    expect(await db.assignmentException.count()).toBe(0);
  });

  it("rejects input that says nothing or says two things", () => {
    expect(ZExtensionInput.safeParse({ emails: "a@b.test", dueAt: "", extraHours: "", excused: false, reason: "" }).error?.issues[0]?.message).toBe("extensionNothingGiven");
    expect(ZExtensionInput.safeParse({ emails: "a@b.test", dueAt: "2030-01-01T10:00", extraHours: "3", excused: false, reason: "" }).error?.issues[0]?.message).toBe(
      "extensionDueAtOrHours",
    );
    expect(ZExtensionInput.safeParse({ emails: "a@b.test", dueAt: "", extraHours: "1.5", excused: false, reason: "" }).error?.issues[0]?.message).toBe("extensionHoursRange");
    expect(ZExtensionInput.safeParse({ emails: "not-an-email", dueAt: "", extraHours: "", excused: true, reason: "" }).error?.issues[0]?.message).toBe("extensionEmailInvalid");
  });

  it("lets only the course's instructors grant: a TA is refused, another course's instructor sees nothing", async () => {
    const args = { courseId: w.courseId, assignmentId: lateId, input: input({ emails: w.student.email, extraHours: "48" }) };
    expect((await refusal(grantExtensions(db, { ...args, user: w.ta }))).code).toBe("forbidden");
    expect((await refusal(grantExtensions(db, { ...args, user: w.otherInstructor }))).code).toBe("not_found");
    expect((await listExtensions(db, { user: w.ta, courseId: w.courseId, assignmentId: lateId })).can.grant).toBe(false);
    expect(await db.assignmentException.count()).toBe(0);
  });

  it("grants extra hours to a list of students at once, counted from the assignment's due date", async () => {
    const { granted } = await grantExtensions(db, {
      user: w.instructor,
      courseId: w.courseId,
      assignmentId: lateId,
      input: input({ emails: `${w.student.email.toUpperCase()}`, extraHours: "48", reason: "Doctor's note" }),
    });
    expect(granted).toBe(1);
    const list = await listExtensions(db, { user: w.ta, courseId: w.courseId, assignmentId: lateId });
    expect(list.rows).toEqual([
      expect.objectContaining({ userId: w.student.id, dueAt: new Date(dueAt.getTime() + 48 * HOUR_MS).toISOString(), extended: true, excused: false, reason: "Doctor's note" }),
    ]);
  });
});

describe("the student's own due date", () => {
  it("a student with an extension submits after the original deadline with no penalty; without one, late work is penalised", async () => {
    const extended = await submitAndGrade(db, runner, { user: w.student, assignmentId: lateId, slug: "conv-output-shape", code: SOLUTION, now: new Date(now) });
    const plain = await submitAndGrade(db, runner, { user: w.otherStudent, assignmentId: lateId, slug: "conv-output-shape", code: SOLUTION, now: new Date(now) });
    const [a, b] = await Promise.all([db.submission.findUniqueOrThrow({ where: { id: extended } }), db.submission.findUniqueOrThrow({ where: { id: plain } })]);
    expect(a).toMatchObject({ isLate: false, latePenalty: 0 });
    expect(a.score).toBe(a.maxScore);
    expect(b).toMatchObject({ isLate: true, latePenalty: 0.2 });
    expect(b.score).toBeCloseTo(b.maxScore! * 0.8);
  }, 120_000);

  it("keeps hidden-case details hidden until the student's own due date", async () => {
    const id = (await db.submission.findFirstOrThrow({ where: { userId: w.student.id, assignmentId: lateId } })).id;
    const view = await getSubmissionView(db, { user: w.student, submissionId: id, now: new Date(now) });
    expect(view.result).toMatchObject({ detailsHiddenUntil: { dueAt: new Date(dueAt.getTime() + 48 * HOUR_MS).toISOString() } });
    const after = await getSubmissionView(db, { user: w.student, submissionId: id, now: new Date(dueAt.getTime() + 49 * HOUR_MS) });
    expect(after.result).not.toHaveProperty("detailsHiddenUntil");
  });

  it("shows the student's own due date on the workspace and the home page", async () => {
    const workspace = await getExerciseWorkspace(db, { user: w.student, assignmentId: lateId, slug: "conv-output-shape", now: new Date(now) });
    expect(workspace?.deadline.kind).toBe("on-time");
    expect(workspace?.assignment.dueAt.getTime()).toBe(dueAt.getTime() + 48 * HOUR_MS);
    const other = await getExerciseWorkspace(db, { user: w.otherStudent, assignmentId: lateId, slug: "conv-output-shape", now: new Date(now) });
    expect(other?.deadline.kind).toBe("late");
    const home = await listStudentAssignments(db, { userId: w.student.id, now: new Date(now) });
    expect(home.find((a) => a.id === lateId)?.dueAt).toBe(new Date(dueAt.getTime() + 48 * HOUR_MS).toISOString());
  });

  it("Submit on an assignment without late work is refused after the deadline, except for a student with a new due date", async () => {
    const submit = (user: TWorld["student"]) =>
      createSubmission(db, { user, assignmentId: closedId, slug: "conv-output-shape", code: SOLUTION, clientToken: `c-${user.id}`, now: new Date(now) });
    expect((await refusal(submit(w.student))).messageFor("en")).toMatch(/deadline has passed/);
    await grantExtensions(db, {
      user: w.instructor,
      courseId: w.courseId,
      assignmentId: closedId,
      input: input({ emails: w.student.email, dueAt: "2099-01-01T12:00" }),
    });
    const accepted = await submit(w.student);
    expect(await db.submission.findUniqueOrThrow({ where: { id: accepted.id } })).toMatchObject({ isLate: false, status: "queued" });
    expect((await refusal(submit(w.otherStudent))).messageFor("en")).toMatch(/deadline has passed/);

    await removeExtension(db, { user: w.instructor, courseId: w.courseId, assignmentId: closedId, userId: w.student.id });
    expect(
      (await refusal(createSubmission(db, { user: w.student, assignmentId: closedId, slug: "conv-output-shape", code: SOLUTION, clientToken: "again", now: new Date(now) }))).code,
    ).toBe("forbidden");
  });
});

describe("excused", () => {
  it("shows as EX in the grade export, other cells keep their scores", async () => {
    await grantExtensions(db, { user: w.instructor, courseId: w.courseId, assignmentId: lateId, input: input({ emails: w.otherStudent.email, excused: true }) });
    const { csv } = await exportGrades(db, { user: w.instructor, courseId: w.courseId });
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").trim()).data;
    const header = rows[0]!;
    const col = header.indexOf("Late homework");
    const ben = rows.find((r) => r[1] === w.otherStudent.email)!;
    const ada = rows.find((r) => r[1] === w.student.email)!;
    expect(ben[col]).toBe("EX");
    expect(Number(ada[col])).toBeGreaterThan(0);
  });
});
