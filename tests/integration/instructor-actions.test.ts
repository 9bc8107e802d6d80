// The instructor area's server actions, called as the browser would call them: whoever is not
// allowed gets an error state in the one error shape and nothing changes; the course's
// instructor gets the change.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TDb } from "@/server/db-client";
import type { TSessionUser } from "@/server/permissions/roles";
import { createTestDatabase, createWorld, type TTestDatabase, type TWorld } from "./instructor-fixtures";

const session = vi.hoisted(() => ({ db: null as TDb | null, user: null as TSessionUser | null }));

vi.mock("@/server/db", () => ({
  get db() {
    return session.db;
  },
}));
vi.mock("@/server/auth/current-user", async () => {
  const { AppError } = await import("@/server/errors");
  return {
    requireUser: async () => {
      if (!session.user) throw new AppError("unauthenticated", "signInFirst");
      return session.user;
    },
  };
});
vi.mock("@/i18n/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const launched = vi.hoisted(() => [] as string[]);
vi.mock("@/server/regrades/enqueue-regrade-job", () => ({ enqueueRegradeJob: (jobId: string) => launched.push(jobId) }));

const actions = await import("../../app/instructor/actions");

let database: TTestDatabase;
let w: TWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  session.db = database.db;
  w = await createWorld(database.db);
});

afterAll(async () => {
  await database?.drop();
});

beforeEach(() => {
  session.user = null;
});

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

const idle = { status: "idle" } as const;

/** Runs an action as `user`; a redirect (success of create actions) comes back as its target. */
async function act(user: TSessionUser | null, action: (prev: typeof idle, data: FormData) => Promise<unknown>, fields: Record<string, string | string[]>) {
  session.user = user;
  try {
    return await action(idle, form(fields));
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT")) return { redirectedTo: digest.split(";")[2] };
    throw error;
  }
}

/** The assignment form's release selects, which it always sends. */
const RELEASE = { scoresRelease: "immediately", hiddenDetailsRelease: "after_due" };

const errorCode = (state: unknown) => (state as { status: string; error?: { code: string } }).error?.code ?? (state as { status: string }).status;

describe("instructor server actions", () => {
  it("answer a signed-out caller, a student and another course's instructor with an error state", async () => {
    const cases: [Parameters<typeof act>[1], Record<string, string | string[]>][] = [
      [actions.updateCourseAction, { courseId: w.courseId, title: "Hijacked" }],
      [actions.regenerateCodeAction, { courseId: w.courseId }],
      [actions.changeRoleAction, { courseId: w.courseId, userId: w.student.id, role: "instructor" }],
      [actions.removeStudentAction, { courseId: w.courseId, userId: w.otherStudent.id }],
      [actions.restoreStudentAction, { courseId: w.courseId, userId: w.otherStudent.id }],
      [actions.updateAssignmentAction, { courseId: w.courseId, assignmentId: w.assignmentId, title: "x", exerciseIds: [w.exerciseIds["conv2d"]!], opensAt: "2026-01-01T00:00", dueAt: "2026-02-01T00:00", timeZone: "UTC", ...RELEASE }],
      [actions.createAssignmentAction, { courseId: w.courseId, title: "x", exerciseIds: [w.exerciseIds["conv2d"]!], opensAt: "2026-01-01T00:00", dueAt: "2026-02-01T00:00", timeZone: "UTC", ...RELEASE }],
      [actions.startRegradeAction, { courseId: w.courseId, exerciseId: w.exerciseIds["conv2d"]!, studentId: "" }],
    ];
    for (const [action, fields] of cases) {
      expect([action.name, errorCode(await act(null, action, fields))]).toEqual([action.name, "unauthenticated"]);
      expect([action.name, errorCode(await act(w.student, action, fields))]).toEqual([action.name, "not_found"]);
      expect([action.name, errorCode(await act(w.otherInstructor, action, fields))]).toEqual([action.name, "not_found"]);
      expect([action.name, errorCode(await act(w.ta, action, fields))]).toEqual([action.name, "forbidden"]);
    }
    const course = await database.db.course.findUniqueOrThrow({ where: { id: w.courseId } });
    expect(course.title).toBe("Deep Learning");
    expect(await database.db.assignment.count({ where: { courseId: w.courseId } })).toBe(1);
    expect(await database.db.regradeJob.count()).toBe(0);
    expect(launched).toEqual([]);
  });

  it("refuses course creation to students with a message they can read", async () => {
    const state = await act(w.student, actions.createCourseAction, { title: "Mine" });
    expect(state).toEqual({ status: "error", error: { code: "forbidden", message: "Only instructors can create courses." } });
  });

  it("reports invalid input as a validation error naming the field", async () => {
    const state = await act(w.instructor, actions.createAssignmentAction, {
      courseId: w.courseId,
      title: "Homework 2",
      exerciseIds: [w.exerciseIds["conv2d"]!],
      opensAt: "2026-01-01T00:00",
      dueAt: "2026-02-01T00:00",
      timeZone: "Atlantis/Capital",
    });
    expect(state).toEqual({ status: "error", error: { code: "validation", message: "Choose an IANA time zone such as Asia/Shanghai or Europe/Berlin." } });
  });

  it("carry out the instructor's changes and send them to the new page", async () => {
    const renamed = await act(w.instructor, actions.updateCourseAction, { courseId: w.courseId, title: "Deep Learning II", description: "" });
    expect(renamed).toEqual({ status: "ok", message: "The course was saved." });
    const created = (await act(w.instructor, actions.createAssignmentAction, {
      courseId: w.courseId,
      title: "Homework 2",
      exerciseIds: [w.exerciseIds["conv2d"]!],
      opensAt: "2026-01-01T08:00",
      dueAt: "2026-02-01T23:59",
      timeZone: "Asia/Shanghai",
      ...RELEASE,
    })) as { redirectedTo: string };
    const assignment = await database.db.assignment.findFirstOrThrow({ where: { title: "Homework 2" } });
    expect(created.redirectedTo).toBe(`/instructor/courses/${w.courseId}/assignments/${assignment.id}`);
    expect(assignment.dueAt).toEqual(new Date("2026-02-01T15:59:00Z"));

    const regrade = (await act(w.instructor, actions.startRegradeAction, { courseId: w.courseId, exerciseId: w.exerciseIds["conv2d"]!, studentId: "" })) as {
      redirectedTo: string;
    };
    const job = await database.db.regradeJob.findFirstOrThrow();
    expect(regrade.redirectedTo).toBe(`/instructor/courses/${w.courseId}/regrades/${job.id}`);
    expect(launched).toEqual([job.id]);
  });
});
