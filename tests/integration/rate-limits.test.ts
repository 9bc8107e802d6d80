// Rate limits against a real database: the GCRA bucket itself (burst, refill, Retry-After, pruning),
// that two Prisma clients (as two web servers) racing on one bucket together pass exactly the
// limit, on SQLite and, with CONVLAB_TEST_PG_URL, on PostgreSQL; and the attacks of issue 11 that
// go through domain operations: guessing join codes, and filling the disk with 64 KB submissions.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TDb } from "@/server/db-client";
import { createPrismaClient } from "@/server/db-client";
import { resetEnvCache } from "@/server/env";
import { AppError } from "@/server/errors";
import { consumeRateLimit } from "@/server/rate-limits/consume-rate-limit";
import { createSubmission } from "@/server/submissions/create-submission";
import { createCourse } from "../support/course-fixtures";
import { createPostgresDatabase, createSqliteDatabase, pgServerUrl, type TTestDatabase } from "../support/test-database";

const session = vi.hoisted(() => ({ db: null as TDb | null }));
vi.mock("@/server/db", () => ({
  get db() {
    return session.db;
  },
}));
const { joinCourse } = await import("@/server/roster/join-course");

let database: TTestDatabase;

beforeAll(async () => {
  database = await createSqliteDatabase("rate-limits");
  session.db = database.db;
});

afterAll(async () => {
  await database?.drop();
});

const changedEnv = new Set<string>();
function setEnv(name: string, value: string): void {
  changedEnv.add(name);
  process.env[name] = value;
  resetEnvCache();
}
afterEach(() => {
  for (const name of changedEnv) delete process.env[name];
  changedEnv.clear();
  resetEnvCache();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("consumeRateLimit", () => {
  it("lets the limit through at once, refuses the next with the time until one more fits, and refills", async () => {
    const key = `test:${randomUUID()}`;
    const limit = { count: 5, windowSeconds: 60 };
    const t0 = new Date("2026-12-01T10:00:00Z");
    for (let i = 0; i < 5; i++) expect(await consumeRateLimit(database.db, { key, limit, now: t0 })).toEqual({ isAllowed: true });
    const refused = await consumeRateLimit(database.db, { key, limit, now: t0 });
    expect(refused).toEqual({ isAllowed: false, retryAfterSeconds: 12 });
    // A refusal takes nothing: 12 s later exactly one more fits, not two.
    const t12 = new Date(t0.getTime() + 12_000);
    expect((await consumeRateLimit(database.db, { key, limit, now: t12 })).isAllowed).toBe(true);
    expect((await consumeRateLimit(database.db, { key, limit, now: t12 })).isAllowed).toBe(false);
  });

  it("charges a cost after the fact even beyond the limit, which then holds the next use back", async () => {
    const key = `test:${randomUUID()}`;
    const limit = { count: 3, windowSeconds: 60 };
    const t0 = new Date("2026-12-01T10:00:00Z");
    expect((await consumeRateLimit(database.db, { key, limit, cost: 0.1, now: t0 })).isAllowed).toBe(true);
    expect((await consumeRateLimit(database.db, { key, limit, cost: 5, isForced: true, now: t0 })).isAllowed).toBe(true);
    const refused = await consumeRateLimit(database.db, { key, limit, cost: 0.1, now: t0 });
    expect(refused.isAllowed).toBe(false);
    // 5.1 units of 20 s each are 102 s; 60 s of them fit the window, so 42 s (plus the 2 s of this use) remain.
    expect(refused.isAllowed === false && refused.retryAfterSeconds).toBeCloseTo(44, 5);
  });

  it("prunes buckets whose time has passed", async () => {
    const key = `test:${randomUUID()}`;
    await database.db.rateLimitBucket.create({ data: { key, emptyAt: new Date(Date.now() - 1000) } });
    // The sweep runs at most once a minute per process: move its last run back.
    (globalThis as Record<symbol, unknown>)[Symbol.for("convlab.rate-limit-pruned-at")] = 0;
    await consumeRateLimit(database.db, { key: `test:${randomUUID()}`, limit: { count: 1, windowSeconds: 1 } });
    await vi.waitFor(async () => expect(await database.db.rateLimitBucket.findUnique({ where: { key } })).toBeNull());
  });
});

async function raceTwoClients(url: string): Promise<number> {
  const clients = [createPrismaClient(url), createPrismaClient(url)];
  try {
    const key = `race:${randomUUID()}`;
    const limit = { count: 20, windowSeconds: 3600 };
    const attempts = clients.flatMap((client) => Array.from({ length: 30 }, () => consumeRateLimit(client, { key, limit })));
    const results = await Promise.all(attempts);
    return results.filter((result) => result.isAllowed).length;
  } finally {
    await Promise.all(clients.map((client) => client.$disconnect()));
  }
}

describe("one limit for every web server", () => {
  it("SQLite: 60 attempts from two clients at once pass exactly the 20 allowed", async () => {
    expect(await raceTwoClients(database.url)).toBe(20);
  });

  describe.skipIf(!pgServerUrl)("PostgreSQL", () => {
    let pgDatabase: TTestDatabase;
    beforeAll(async () => {
      pgDatabase = await createPostgresDatabase("rate-limits");
    });
    afterAll(async () => {
      await pgDatabase?.drop();
    });
    it("60 attempts from two clients at once pass exactly the 20 allowed", async () => {
      expect(await raceTwoClients(pgDatabase.url)).toBe(20);
    });
  });
});

describe("join codes cannot be guessed", () => {
  it("refuses the 11th code a student tries within 15 minutes, the right one included, with the wait", async () => {
    const course = await createCourse(database.db, 1);
    const target = await database.db.course.create({ data: { title: "Secret course", code: `R${randomUUID().slice(0, 7).toUpperCase()}` } });
    const user = course.students[0]!;
    await database.db.user.update({ where: { id: user.id }, data: { emailVerified: true } });
    const refusedGuesses: AppError[] = [];
    for (let i = 0; i < 10; i++) refusedGuesses.push(await rejection(joinCourse(database.db, { user, code: `WRONG${i}` })));
    expect(refusedGuesses.map((error) => error.code)).toEqual(Array(10).fill("not_found"));
    const limited = await rejection(joinCourse(database.db, { user, code: target.code }));
    expect(limited.status).toBe(429);
    expect(limited.retryAfterSeconds).toBe(90);
    expect(limited.messageFor("en")).toBe("Too many course codes tried. Try again in 2 minutes.");
    expect(limited.messageFor("zh-CN")).toBe("尝试的课程码过多，请 2分钟后再试。");
    expect(await database.db.enrollment.count({ where: { courseId: target.id } })).toBe(0);
  });
});

describe("one student cannot fill the disk", () => {
  const code64k = (i: number) => `# ${i}\n${"x = 1\n".repeat(Math.floor((64 * 1024 - 16) / 6))}`;

  /** 60 submissions of 64 KB as fast as grading lets them in (the in-flight limit is passed by finishing each one). */
  async function flood(course: Awaited<ReturnType<typeof createCourse>>): Promise<{ stored: number; refusals: AppError[] }> {
    const refusals: AppError[] = [];
    let stored = 0;
    for (let i = 0; i < 60; i++) {
      try {
        const { id } = await createSubmission(database.db, {
          user: course.students[0]!,
          assignmentId: course.assignmentId,
          slug: "convolution",
          code: code64k(i),
          clientToken: `t-${randomUUID()}`,
        });
        await database.db.submission.update({ where: { id }, data: { status: "failed" } });
        stored++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refusals.push(error);
      }
    }
    return { stored, refusals };
  }

  it("stores 30 per exercise and hour by default, then refuses with a 429 and when to try again", async () => {
    const course = await createCourse(database.db, 1);
    const { stored, refusals } = await flood(course);
    expect(stored).toBe(30);
    expect(new Set(refusals.map((error) => error.key))).toEqual(new Set(["submissionRateLimit"]));
    expect(refusals[0]!.status).toBe(429);
    expect(refusals[0]!.retryAfterSeconds).toBeGreaterThan(100);
    expect(refusals[0]!.messageFor("en")).toMatch(/^You have submitted this exercise very often\. You can submit again in 2 minutes\.$/);
    const bytes = await database.db.submission.aggregate({ where: { userId: course.students[0]!.id }, _sum: { codeBytes: true } });
    expect(bytes._sum.codeBytes).toBeLessThanOrEqual(30 * 64 * 1024);
  });

  it("stops at the storage budget with a message naming it", async () => {
    setEnv("CONVLAB_STORAGE_BUDGET_MB", "1");
    setEnv("CONVLAB_LIMIT_SUBMISSIONS_PER_EXERCISE", "off");
    const course = await createCourse(database.db, 1);
    const { stored, refusals } = await flood(course);
    expect(stored).toBe(16);
    expect(refusals).toHaveLength(44);
    expect(refusals[0]!.status).toBe(403);
    expect(refusals[0]!.messageFor("en")).toBe("Your submissions have used your storage budget of 1 MB, so this one was not stored. Ask your instructor for help.");
    const bytes = await database.db.submission.aggregate({ where: { userId: course.students[0]!.id }, _sum: { codeBytes: true } });
    expect(bytes._sum.codeBytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it("CONVLAB_DISABLE_RATE_LIMIT=1 turns the limits and the budget off", async () => {
    setEnv("CONVLAB_DISABLE_RATE_LIMIT", "1");
    const course = await createCourse(database.db, 1);
    expect((await flood(course)).stored).toBe(60);
  });
});
