// The student's exercise page data through the real sandbox and a real SQLite database: every
// submission in the history carries its feedback, redacted as it arrived while hidden-case data
// waits for the due date but still naming the student's own error (type and line); a file that
// does not load costs no attempt unless the instructor says so, and the cap is enforced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { findErrorLine, isCaseError } from "@/grading/error-location";
import { renderMessage } from "@/grading/result-format";
import { getExerciseWorkspace } from "@/server/assignments/get-exercise-workspace";
import type { TDb } from "@/server/db-client";
import { createSubmission } from "@/server/submissions/create-submission";
import { createTestDatabase, createWorld, DAY_MS, readExerciseSource, submitAndGrade, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let runner: TRunner;
let w: TWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  runner = createRunner({ poolSize: 1 });
  w = await createWorld(db);
}, 240_000);

afterAll(async () => {
  await runner?.close();
  await database?.drop();
});

async function createAssignment(options: { maxAttempts: number | null; loadErrorsCostNoAttempt: boolean; cooldownSeconds?: number; scoresRelease?: "immediately" | "after_due" }) {
  const assignment = await db.assignment.create({
    data: {
      courseId: w.courseId,
      title: `Attempts ${options.loadErrorsCostNoAttempt}`,
      opensAt: new Date(Date.now() - DAY_MS),
      dueAt: new Date(Date.now() + 2 * DAY_MS),
      timeZone: "Asia/Shanghai",
      hiddenDetailsRelease: "after_due",
      scoresRelease: options.scoresRelease ?? "immediately",
      maxAttempts: options.maxAttempts,
      cooldownSeconds: options.cooldownSeconds ?? null,
      loadErrorsCostNoAttempt: options.loadErrorsCostNoAttempt,
      exercises: { create: [{ exerciseId: w.exerciseIds["convolution"]!, order: 0 }] },
    },
  });
  return assignment.id;
}

const SYNTAX_ERROR = "def convolution(img, kernel, padding=1, stride=1):\n    return img[\n";

describe("the exercise page's history and attempts", () => {
  it("shows the starter's NotImplementedError and its line in the history under hidden details, and costs an attempt", async () => {
    const assignmentId = await createAssignment({ maxAttempts: 3, loadErrorsCostNoAttempt: true });
    const starter = readExerciseSource("convolution", "starter.py");
    await submitAndGrade(db, runner, { user: w.student, assignmentId, slug: "convolution", code: starter });
    const page = (await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution" }))!;
    expect(page.attempts).toEqual({ used: 1, max: 3, cooldownEndsAt: null });
    const shown = page.history[0]!.result!;
    expect("detailsHiddenUntil" in shown).toBe(true);
    const failing = shown.cases.filter((c) => !c.passed);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((c) => isCaseError(c.message))).toBe(true);
    const raisingLine = starter.split("\n").findIndex((line) => line.includes("NotImplementedError")) + 1;
    expect(findErrorLine(shown)?.line).toBe(raisingLine);
    expect(renderMessage(failing[0]!.message, "en")).toBe(
      `Error: raised NotImplementedError at line ${raisingLine}. The data of this hidden case is shown later (see the note above).`,
    );
    expect(JSON.stringify(shown)).not.toContain('"values"');
  });

  it("does not count a file that does not load when the assignment says so; the cap refuses the next Submit", async () => {
    const assignmentId = await createAssignment({ maxAttempts: 1, loadErrorsCostNoAttempt: true });
    const broken = await submitAndGrade(db, runner, { user: w.student, assignmentId, slug: "convolution", code: SYNTAX_ERROR });
    const row = await db.submission.findUniqueOrThrow({ where: { id: broken } });
    expect(row).toMatchObject({ status: "error", didNotLoad: true });
    let page = (await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution" }))!;
    expect(page.attempts.used).toBe(0);
    expect(findErrorLine(page.history[0]!.result!)?.line).toBe(2);

    await submitAndGrade(db, runner, { user: w.student, assignmentId, slug: "convolution", code: readExerciseSource("convolution", "solution.py") });
    page = (await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution" }))!;
    expect(page.attempts.used).toBe(1);
    expect(page.history.map((h) => h.status)).toEqual(["passed", "error"]);
    await expect(createSubmission(db, { user: w.student, assignmentId, slug: "convolution", code: SYNTAX_ERROR, clientToken: "capped" })).rejects.toMatchObject({
      code: "forbidden",
      key: "attemptsUsedUp",
    });
  });

  it("counts a file that does not load when the instructor turned the option off", async () => {
    const assignmentId = await createAssignment({ maxAttempts: 1, loadErrorsCostNoAttempt: false });
    await submitAndGrade(db, runner, { user: w.student, assignmentId, slug: "convolution", code: SYNTAX_ERROR });
    const page = (await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution" }))!;
    expect(page.attempts.used).toBe(1);
    await expect(createSubmission(db, { user: w.student, assignmentId, slug: "convolution", code: SYNTAX_ERROR, clientToken: "capped-2" })).rejects.toMatchObject({
      key: "attemptsUsedUp",
    });
  });

  it("gives the end of the cooldown for the countdown beside Submit, and refuses a Submit before it", async () => {
    const assignmentId = await createAssignment({ maxAttempts: null, loadErrorsCostNoAttempt: true, cooldownSeconds: 600 });
    const id = await submitAndGrade(db, runner, { user: w.student, assignmentId, slug: "convolution", code: SYNTAX_ERROR });
    const { receivedAt } = await db.submission.findUniqueOrThrow({ where: { id } });
    const page = (await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution" }))!;
    // a file that does not load is free, but still starts the cooldown
    expect(page.attempts).toEqual({ used: 0, max: null, cooldownEndsAt: new Date(receivedAt.getTime() + 600_000).toISOString() });
    await expect(createSubmission(db, { user: w.student, assignmentId, slug: "convolution", code: SYNTAX_ERROR, clientToken: "cooling" })).rejects.toMatchObject({
      key: "cooldownWait",
    });
    const after = (await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution", now: new Date(receivedAt.getTime() + 600_001) }))!;
    expect(after.attempts.cooldownEndsAt).toBeNull();
  });

  it("keeps a Submit's score and feedback out of the history while the scores wait, and says until when", async () => {
    const assignmentId = await createAssignment({ maxAttempts: 2, loadErrorsCostNoAttempt: true, scoresRelease: "after_due" });
    await submitAndGrade(db, runner, { user: w.student, assignmentId, slug: "convolution", code: readExerciseSource("convolution", "solution.py") });
    const { dueAt } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const page = (await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution" }))!;
    expect(page.scoresAfter).toEqual({ kind: "due", dueAt: dueAt.toISOString(), timeZone: "Asia/Shanghai" });
    expect(page.history[0]).toMatchObject({ status: "submitted", score: null, maxScore: null, result: null });
    expect(page.attempts.used).toBe(1);
    const staff = (await getExerciseWorkspace(db, { user: w.instructor, assignmentId, slug: "convolution" }))!;
    expect(staff.scoresAfter).toBeNull();
    const later = (await getExerciseWorkspace(db, { user: w.student, assignmentId, slug: "convolution", now: new Date(dueAt.getTime() + 1000) }))!;
    expect(later.scoresAfter).toBeNull();
    expect(later.history[0]).toMatchObject({ status: "passed", score: later.history[0]!.maxScore });
    expect(later.history[0]!.result).not.toBeNull();
  });
});
