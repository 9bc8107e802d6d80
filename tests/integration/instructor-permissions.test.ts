// Every instructor operation against every kind of caller: students and instructors of other
// courses are told the course does not exist, TAs may look but not change, the course's
// instructors and admins may do everything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { changeEnrollmentRole } from "@/server/roster/change-enrollment-role";
import { createAssignment } from "@/server/assignments/create-assignment";
import { createCourse } from "@/server/courses/create-course";
import { exportGrades } from "@/server/grades/export-grades";
import { getAssignmentSettings } from "@/server/assignments/get-assignment-settings";
import { getCourseOverview } from "@/server/courses/get-course-overview";
import { getExerciseAnalytics } from "@/server/grades/get-exercise-analytics";
import { getProgressMatrix } from "@/server/grades/get-progress-matrix";
import { getRegradeJob } from "@/server/regrades/get-regrade-job";
import { listRegradeJobs } from "@/server/regrades/list-regrade-jobs";
import { listRoster } from "@/server/roster/list-roster";
import { listStudentExerciseSubmissions } from "@/server/submissions/list-student-exercise-submissions";
import { markRegradeInactive } from "@/server/regrades/regrade-activity";
import { regenerateCourseCode } from "@/server/courses/regenerate-course-code";
import { removeStudent } from "@/server/roster/remove-student";
import { restoreStudent } from "@/server/roster/restore-student";
import { createRegradeJob } from "@/server/regrades/create-regrade-job";
import { updateAssignment } from "@/server/assignments/update-assignment";
import { updateCourse } from "@/server/courses/update-course";
import type { TSessionUser } from "@/server/permissions/roles";
import { createTestDatabase, createWorld, DAY_MS, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let w: TWorld;
let jobId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await createWorld(db);
  ({ jobId } = await createRegradeJob(db, { user: w.instructor, courseId: w.courseId, exerciseId: w.exerciseIds["conv2d"]!, studentId: null }));
  // Nothing runs this job; it only has to exist, not to look interrupted to the checks below.
  markRegradeInactive(jobId);
  await db.regradeJob.update({ where: { id: jobId }, data: { status: "done" } });
});

afterAll(async () => {
  await database?.drop();
});

const settings = () => ({
  title: "Homework 2",
  exerciseIds: [w.exerciseIds["conv2d"]!],
  opensAt: new Date(Date.now() - DAY_MS),
  dueAt: new Date(Date.now() + DAY_MS),
  timeZone: "UTC",
  allowLate: false,
  latePenaltyPerDay: 0,
  cooldownSeconds: null,
  maxAttempts: null,
  loadErrorsCostNoAttempt: true,
  scoresRelease: "immediately" as const,
  hiddenDetailsRelease: "after_due" as const,
});

/** Operations TAs may use: looking at the course, its students' work and its regrades. */
const viewOperations: Record<string, (user: TSessionUser) => Promise<unknown>> = {
  getCourseOverview: (user) => getCourseOverview(db, { user, courseId: w.courseId }),
  listRoster: (user) => listRoster(db, { user, courseId: w.courseId }),
  getAssignmentSettings: (user) => getAssignmentSettings(db, { user, courseId: w.courseId, assignmentId: w.assignmentId }),
  getProgressMatrix: (user) => getProgressMatrix(db, { user, courseId: w.courseId, assignmentId: w.assignmentId }),
  getExerciseAnalytics: (user) => getExerciseAnalytics(db, { user, courseId: w.courseId, assignmentId: w.assignmentId }),
  listStudentExerciseSubmissions: (user) =>
    listStudentExerciseSubmissions(db, { user, courseId: w.courseId, assignmentId: w.assignmentId, studentId: w.student.id, slug: "conv2d" }),
  listRegradeJobs: (user) => listRegradeJobs(db, { user, courseId: w.courseId }),
  getRegradeJob: (user) => getRegradeJob(db, { user, jobId }),
};

/** Operations only the course's instructors (and admins) may use. */
const manageOperations: Record<string, (user: TSessionUser) => Promise<unknown>> = {
  updateCourse: (user) => updateCourse(db, { user, courseId: w.courseId, input: { title: "Deep Learning", description: null } }),
  regenerateCourseCode: (user) => regenerateCourseCode(db, { user, courseId: w.courseId }),
  changeEnrollmentRole: (user) => changeEnrollmentRole(db, { user, courseId: w.courseId, userId: w.otherStudent.id, role: "student" }),
  removeStudent: async (user) => {
    await removeStudent(db, { user, courseId: w.courseId, userId: w.otherStudent.id });
    await restoreStudent(db, { user, courseId: w.courseId, userId: w.otherStudent.id });
  },
  restoreStudent: async (user) => {
    await db.enrollment.update({ where: { courseId_userId: { courseId: w.courseId, userId: w.otherStudent.id } }, data: { removedAt: new Date() } });
    try {
      await restoreStudent(db, { user, courseId: w.courseId, userId: w.otherStudent.id });
    } finally {
      await db.enrollment.update({ where: { courseId_userId: { courseId: w.courseId, userId: w.otherStudent.id } }, data: { removedAt: null } });
    }
  },
  createAssignment: (user) => createAssignment(db, { user, courseId: w.courseId, settings: settings() }),
  updateAssignment: (user) =>
    updateAssignment(db, { user, courseId: w.courseId, assignmentId: w.assignmentId, settings: { ...settings(), title: "Homework 1", exerciseIds: Object.values(w.exerciseIds) } }),
  exportGrades: (user) => exportGrades(db, { user, courseId: w.courseId }),
  startRegrade: async (user) => {
    const started = await createRegradeJob(db, { user, courseId: w.courseId, exerciseId: w.exerciseIds["max-pool2d"]!, studentId: w.student.id });
    markRegradeInactive(started.jobId);
    await db.regradeJob.update({ where: { id: started.jobId }, data: { status: "done" } });
  },
};

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const everyOperation = () => ({ ...viewOperations, ...manageOperations });

describe("instructor operations", () => {
  it("tell a student of the course that it does not exist", async () => {
    for (const [name, run] of Object.entries(everyOperation())) expect([name, await codeOf(() => run(w.student))]).toEqual([name, "not_found"]);
  });

  it("tell an instructor of another course that it does not exist", async () => {
    for (const [name, run] of Object.entries(everyOperation())) expect([name, await codeOf(() => run(w.otherInstructor))]).toEqual([name, "not_found"]);
  });

  it("let a TA view but refuse every change", async () => {
    for (const [name, run] of Object.entries(viewOperations)) expect([name, await codeOf(() => run(w.ta))]).toEqual([name, "ok"]);
    for (const [name, run] of Object.entries(manageOperations)) expect([name, await codeOf(() => run(w.ta))]).toEqual([name, "forbidden"]);
  });

  it("let the course's instructor and an admin do everything", async () => {
    for (const user of [w.instructor, w.admin]) {
      for (const [name, run] of Object.entries(everyOperation())) expect([name, await codeOf(() => run(user))]).toEqual([name, "ok"]);
    }
  });

  it("change nothing when they refuse", async () => {
    const before = await db.course.findUniqueOrThrow({ where: { id: w.courseId } });
    await codeOf(() => updateCourse(db, { user: w.ta, courseId: w.courseId, input: { title: "Hijacked", description: null } }));
    await codeOf(() => regenerateCourseCode(db, { user: w.student, courseId: w.courseId }));
    await codeOf(() => removeStudent(db, { user: w.otherInstructor, courseId: w.courseId, userId: w.student.id }));
    const after = await db.course.findUniqueOrThrow({ where: { id: w.courseId } });
    expect(after).toMatchObject({ title: before.title, code: before.code });
    const enrollment = await db.enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId: w.courseId, userId: w.student.id } } });
    expect(enrollment.removedAt).toBeNull();
  });

  it("refuse a course id that does not exist, even to an admin", async () => {
    expect(await codeOf(() => getCourseOverview(db, { user: w.admin, courseId: "no-such-course" }))).toBe("not_found");
  });

  it("do not reach another course's assignment or regrade job through our course", async () => {
    const theirs = await createAssignment(db, { user: w.otherInstructor, courseId: w.otherCourseId, settings: settings() });
    expect(await codeOf(() => getProgressMatrix(db, { user: w.instructor, courseId: w.courseId, assignmentId: theirs.id }))).toBe("not_found");
    expect(await codeOf(() => getRegradeJob(db, { user: w.otherInstructor, jobId, courseId: w.otherCourseId }))).toBe("not_found");
  });
});

describe("createCourse", () => {
  it("is only for accounts with the instructor or admin role", async () => {
    const input = { title: "New course", description: null };
    expect(await codeOf(() => createCourse(db, { user: w.student, input }))).toBe("forbidden");
    // A TA of some course is still a student account.
    expect(await codeOf(() => createCourse(db, { user: w.ta, input }))).toBe("forbidden");
    expect(await codeOf(() => createCourse(db, { user: w.instructor, input }))).toBe("ok");
    expect(await codeOf(() => createCourse(db, { user: w.admin, input }))).toBe("ok");
  });
});
