// Storing submissions against a real SQLite database: the deadline and late policy, attempts,
// cooldown, the in-flight limit, double clicks and membership, each refused before anything is
// written. Grading itself is covered by grading-queue.test.ts and crash.test.ts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveDraft } from "@/server/drafts/save-draft";
import { createSubmission, MAX_IN_FLIGHT_PER_STUDENT } from "@/server/submissions/create-submission";
import { CODE, createCourse, type TCourse } from "../support/course-fixtures";
import { createSqliteDatabase, type TTestDatabase } from "../support/test-database";

const DAY_MS = 24 * 60 * 60 * 1000;

let database: TTestDatabase;
let course: TCourse;

beforeAll(async () => {
  database = await createSqliteDatabase("submissions");
});

afterAll(async () => {
  await database?.drop();
});

beforeEach(async () => {
  course = await createCourse(database.db, 3);
});

function submitAs(studentIndex: number, overrides: { clientToken?: string; now?: Date } = {}) {
  return createSubmission(database.db, {
    user: course.students[studentIndex]!,
    assignmentId: course.assignmentId,
    slug: "convolution",
    code: CODE.correct,
    clientToken: overrides.clientToken ?? `t-${randomUUID()}`,
    now: overrides.now,
  });
}

async function countSubmissions(): Promise<number> {
  return database.db.submission.count({ where: { assignmentId: course.assignmentId } });
}

async function setPolicy(data: { dueAt?: Date; opensAt?: Date; allowLate?: boolean; latePenaltyPerDay?: number; maxAttempts?: number | null; cooldownSeconds?: number }) {
  await database.db.assignment.update({ where: { id: course.assignmentId }, data });
}

describe("createSubmission", () => {
  it("stores an on-time submission as queued, with a seed and attempt number", async () => {
    const { id, duplicate } = await submitAs(0);
    const row = await database.db.submission.findUniqueOrThrow({ where: { id } });
    expect(duplicate).toBe(false);
    expect(row.status).toBe("queued");
    expect(row.isLate).toBe(false);
    expect(row.attempt).toBe(1);
    expect(row.seed).toBeGreaterThanOrEqual(0);
    expect(row.courseId).not.toBeNull();
  });

  it("marks a late submission with its penalty when late work is allowed", async () => {
    await setPolicy({ dueAt: new Date(Date.now() - 1.5 * DAY_MS), allowLate: true, latePenaltyPerDay: 0.2 });
    const { id } = await submitAs(0);
    const row = await database.db.submission.findUniqueOrThrow({ where: { id } });
    expect(row.isLate).toBe(true);
    expect(row.latePenalty).toBeCloseTo(0.4);
  });

  it("refuses submissions after a deadline without late work, and before opening, writing nothing", async () => {
    await setPolicy({ dueAt: new Date(Date.now() - DAY_MS), allowLate: false });
    await expect(submitAs(0)).rejects.toThrow(/does not accept late submissions/);
    await setPolicy({ opensAt: new Date(Date.now() + DAY_MS), dueAt: new Date(Date.now() + 2 * DAY_MS) });
    await expect(submitAs(0)).rejects.toThrow(/opens on/);
    expect(await countSubmissions()).toBe(0);
  });

  it("turns a repeated client token into the same submission", async () => {
    const token = `double-${randomUUID()}`;
    const [a, b] = await Promise.all([submitAs(0, { clientToken: token }), submitAs(0, { clientToken: token })]);
    expect(a.id).toBe(b.id);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await countSubmissions()).toBe(1);
  });

  it("limits how many submissions one student has in flight, without affecting others", async () => {
    for (let i = 0; i < MAX_IN_FLIGHT_PER_STUDENT; i += 1) await submitAs(0);
    await expect(submitAs(0)).rejects.toThrow(/still being graded/);
    await expect(submitAs(1)).resolves.toMatchObject({ duplicate: false });
  });

  it("enforces the attempt cap and the cooldown", async () => {
    await setPolicy({ maxAttempts: 1 });
    const { id } = await submitAs(0);
    await database.db.submission.update({ where: { id }, data: { status: "failed" } });
    await expect(submitAs(0)).rejects.toThrow(/used all 1 attempts/);

    await setPolicy({ maxAttempts: null, cooldownSeconds: 60 });
    const first = await submitAs(1);
    await database.db.submission.update({ where: { id: first.id }, data: { status: "failed" } });
    await expect(submitAs(1)).rejects.toThrow(/wait \d+ s/);
    await expect(submitAs(1, { now: new Date(Date.now() + 61_000) })).resolves.toMatchObject({ duplicate: false });
  });

  it("refuses users who are not in the course, for submissions and drafts alike", async () => {
    const outsider = await database.db.user.create({ data: { name: "Outsider", email: `out-${randomUUID()}@convlab.test` } });
    const user = { id: outsider.id, email: outsider.email, name: outsider.name, role: "student" as const };
    const target = { user, assignmentId: course.assignmentId, slug: "convolution" };
    await expect(createSubmission(database.db, { ...target, code: CODE.correct, clientToken: `t-${randomUUID()}` })).rejects.toThrow(/not part of any assignment/);
    await expect(saveDraft(database.db, { ...target, code: "x = 1" })).rejects.toThrow(/not part of any assignment/);
    expect(await database.db.draft.count({ where: { userId: outsider.id } })).toBe(0);
  });

  it("keeps one draft per student and exercise, the latest text winning", async () => {
    const target = { user: course.students[2]!, assignmentId: course.assignmentId, slug: "convolution" };
    await saveDraft(database.db, { ...target, code: "first" });
    await saveDraft(database.db, { ...target, code: "second" });
    const drafts = await database.db.draft.findMany({ where: { userId: target.user.id } });
    expect(drafts.map((d) => d.code)).toEqual(["second"]);
  });
});
