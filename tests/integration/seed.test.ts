// `npm run exercises:sync` and the demo seed, run as the real scripts against a fresh database:
// the sync fills the catalogue from exercises/, the seed creates the demo course and accounts,
// and seeding again changes nothing a user changed, so a demo password someone changed keeps
// working (checked by signing in through better-auth with the new one).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listExercises } from "@/grading/exercise-files";
import { listSandboxFlavoursInUse } from "@/server/grading-queue/list-sandbox-flavours";
import { DEMO } from "../../prisma/demo";
import { createSqliteDatabase, root, type TTestDatabase } from "../support/test-database";

let database: TTestDatabase;
const run = (script: string) =>
  promisify(execFile)("npx", ["tsx", script], { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, timeout: 120_000 });

beforeAll(async () => {
  database = await createSqliteDatabase("seed");
}, 180_000);

afterAll(async () => {
  await database?.drop();
});

/** better-auth as the app configures it for email and password, on the test database. */
const createAuth = () =>
  betterAuth({
    database: prismaAdapter(database.db, { provider: "sqlite" }),
    secret: "seed-test-secret-0123456789abcdef",
    baseURL: "http://localhost:3000",
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
  });

describe("exercises:sync and the demo seed", () => {
  it("refuses to seed before the catalogue is synced, then seeds the demo course with every exercise, the PyTorch ones in Homework 3", async () => {
    await expect(run("prisma/seed.ts")).rejects.toThrow(/npm run exercises:sync/);
    expect(await database.db.course.count()).toBe(0);

    const { stdout } = await run("scripts/sync-exercises.ts");
    const slugs = (await listExercises()).map((exercise) => exercise.slug);
    expect(stdout).toContain(`Synced ${slugs.length} exercises`);
    expect((await database.db.exercise.findMany({ select: { slug: true } })).map((e) => e.slug).sort()).toEqual([...slugs].sort());

    await run("prisma/seed.ts");
    const course = await database.db.course.findUniqueOrThrow({ where: { code: DEMO.courseCode }, include: { enrollments: true, assignments: { include: { exercises: true } } } });
    expect(course.enrollments.map((e) => e.role).sort()).toEqual(["instructor", "student"]);
    const byTitle = Object.fromEntries(course.assignments.map((assignment) => [assignment.title, assignment.exercises.length]));
    const torchSlugs = ["build-cnn", "conv-layer-shapes", "torch-conv2d"].filter((slug) => slugs.includes(slug));
    expect(torchSlugs.length).toBeGreaterThan(0);
    const gradients = DEMO.gradientAssignment.slugs.length;
    expect(byTitle).toEqual({
      [DEMO.assignmentTitle]: slugs.length - torchSlugs.length - gradients,
      [DEMO.torchAssignmentTitle]: torchSlugs.length,
      [DEMO.gradientAssignment.title]: gradients,
    });
    // so a grader started on this database starts the torch sandbox with it
    expect(await listSandboxFlavoursInUse(database.db)).toEqual(["numpy", "torch"]);
  }, 240_000);

  it("never resets a demo password that was changed: signing in with the new one still works after seeding again", async () => {
    const auth = createAuth();
    const signedIn = await auth.api.signInEmail({ body: { email: DEMO.student.email, password: DEMO.student.password }, asResponse: true });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const newPassword = "a-password-of-my-own-42";
    await auth.api.changePassword({ body: { currentPassword: DEMO.student.password, newPassword }, headers: new Headers({ cookie }) });

    await run("prisma/seed.ts");

    const withNew = await auth.api.signInEmail({ body: { email: DEMO.student.email, password: newPassword }, asResponse: true });
    expect(withNew.status).toBe(200);
    const withDemo = await auth.api.signInEmail({ body: { email: DEMO.student.email, password: DEMO.student.password }, asResponse: true });
    expect(withDemo.status).toBe(401);
    expect(await database.db.course.count({ where: { code: DEMO.courseCode } })).toBe(1);
    // the three demo assignments, none added again
    expect(await database.db.assignment.count()).toBe(3);
  }, 240_000);
});
