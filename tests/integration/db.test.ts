// The database layer against real databases: the committed migrations apply with the real
// `prisma migrate deploy` (through our wasm schema-engine stand-in), a second deploy changes
// nothing, and createPrismaClient reads and writes with the schema's constraints in force.
// SQLite always runs; PostgreSQL runs when CONVLAB_TEST_PG_URL names a server (CI sets it).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRepoRoot } from "../../prisma/database-url";
import { createPrismaClient, type TDb } from "@/server/db-client";
import { dropPostgresDatabase, pgServerUrl } from "../support/test-database";

const run = promisify(execFile);
const root = findRepoRoot();

interface TTestDatabase {
  url: string;
  migrationsDir: string;
  /** Files a schema engine that did not close its connection would leave behind. */
  leftovers?: () => string[];
  drop: () => Promise<void>;
}

async function migrateDeploy(url: string): Promise<string> {
  const { stdout } = await run("npx", ["prisma", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    timeout: 60_000,
  });
  return stdout;
}

function migrationNames(migrationsDir: string): string[] {
  return readdirSync(path.join(root, migrationsDir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function expectPrismaCode(code: string) {
  return expect.objectContaining({ code });
}

function defineDatabaseSuite(label: string, provision: () => Promise<TTestDatabase>, extraChecks?: (getDatabase: () => TTestDatabase) => void) {
  describe(label, () => {
    let database: TTestDatabase;
    let db: TDb;

    beforeAll(async () => {
      database = await provision();
    });

    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    it("migrate deploy creates the database and applies every committed migration", async () => {
      const stdout = await migrateDeploy(database.url);
      expect(stdout).toContain("All migrations have been successfully applied.");
      for (const name of migrationNames(database.migrationsDir)) expect(stdout).toContain(name);
      expect(database.leftovers?.() ?? []).toEqual([]);
    });

    it("a second migrate deploy is a no-op", async () => {
      expect(await migrateDeploy(database.url)).toContain("No pending migrations to apply.");
      expect(database.leftovers?.() ?? []).toEqual([]);
    });

    it("writes and reads a user and a submission with a Json result", async () => {
      db = createPrismaClient(database.url);
      const user = await db.user.create({ data: { name: "Ada", email: "ada@convlab.test" } });
      expect(user).toMatchObject({ role: "student", emailVerified: false, locale: null });

      const exercise = await db.exercise.create({
        data: { slug: "conv2d-single-channel", title: "2D convolution", titleZh: "二维卷积", points: 10, contentHash: "sha256:abc" },
      });
      const result = {
        cases: [
          { name: "identity kernel", passed: true, score: 5, maxAbsError: 0 },
          { name: "stride 2", passed: false, score: 0, message: "形状不对: (3, 3) != (2, 2)" },
        ],
        stdout: "",
        nested: { shape: [2, 2], values: [[1.5, -2], [0, 1e-9]], flag: null },
      };
      const created = await db.submission.create({
        data: { userId: user.id, exerciseId: exercise.id, code: "def conv2d(x, k): ...", seed: 42, mode: "submit", result, clientToken: "tok-1" },
      });
      expect(created).toMatchObject({ status: "queued", isLate: false, latePenalty: 0, score: null });

      const read = await db.submission.findUniqueOrThrow({
        where: { userId_clientToken: { userId: user.id, clientToken: "tok-1" } },
        include: { user: true, exercise: true },
      });
      expect(read.result).toEqual(result);
      expect(read.user.email).toBe("ada@convlab.test");
      expect(read.exercise.titleZh).toBe("二维卷积");
      expect(read.receivedAt).toBeInstanceOf(Date);

      const graded = await db.submission.update({
        where: { id: created.id },
        data: { status: "passed", score: 7.5, maxScore: 10, finishedAt: new Date() },
      });
      expect(graded).toMatchObject({ status: "passed", score: 7.5, maxScore: 10 });
    });

    it("enforces the unique constraints", async () => {
      const user = await db.user.findUniqueOrThrow({ where: { email: "ada@convlab.test" } });
      const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "conv2d-single-channel" } });
      const course = await db.course.create({ data: { title: "Deep Learning", code: "JOIN-ME" } });
      const submission = { userId: user.id, exerciseId: exercise.id, code: "x", seed: 1, mode: "run" as const };

      await expect(db.user.create({ data: { name: "Ada 2", email: "ada@convlab.test" } })).rejects.toEqual(expectPrismaCode("P2002"));
      await expect(db.course.create({ data: { title: "Copy", code: "JOIN-ME" } })).rejects.toEqual(expectPrismaCode("P2002"));
      await expect(db.exercise.create({ data: { slug: "conv2d-single-channel", title: "t", points: 1, contentHash: "h" } })).rejects.toEqual(
        expectPrismaCode("P2002"),
      );
      // The idempotency key: a double click must not create a second submission...
      await expect(db.submission.create({ data: { ...submission, clientToken: "tok-1" } })).rejects.toEqual(expectPrismaCode("P2002"));
      // ...while submissions without a token never collide (NULLs are distinct in unique indexes).
      await db.submission.create({ data: submission });
      await db.submission.create({ data: submission });

      await db.enrollment.create({ data: { courseId: course.id, userId: user.id } });
      await expect(db.enrollment.create({ data: { courseId: course.id, userId: user.id, role: "ta" } })).rejects.toEqual(expectPrismaCode("P2002"));
      await db.draft.create({ data: { userId: user.id, exerciseId: exercise.id, code: "a" } });
      await expect(db.draft.create({ data: { userId: user.id, exerciseId: exercise.id, code: "b" } })).rejects.toEqual(expectPrismaCode("P2002"));
      await db.progress.create({ data: { userId: user.id, exerciseId: exercise.id } });
      await expect(db.progress.create({ data: { userId: user.id, exerciseId: exercise.id } })).rejects.toEqual(expectPrismaCode("P2002"));
      await db.session.create({ data: { userId: user.id, token: "session-token", expiresAt: new Date(Date.now() + 60_000) } });
      await expect(db.session.create({ data: { userId: user.id, token: "session-token", expiresAt: new Date() } })).rejects.toEqual(
        expectPrismaCode("P2002"),
      );
    });

    it("enforces foreign keys: graded work blocks exercise deletion, deleting a user cascades", async () => {
      const user = await db.user.findUniqueOrThrow({ where: { email: "ada@convlab.test" } });
      const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "conv2d-single-channel" } });
      await expect(db.exercise.delete({ where: { id: exercise.id } })).rejects.toEqual(expectPrismaCode("P2003"));
      await expect(db.submission.create({ data: { userId: "no-such-user", exerciseId: exercise.id, code: "x", seed: 1, mode: "run" } })).rejects.toEqual(
        expectPrismaCode("P2003"),
      );

      await db.user.delete({ where: { id: user.id } });
      expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);
      expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
      expect(await db.enrollment.count({ where: { userId: user.id } })).toBe(0);
    });

    extraChecks?.(() => database);
  });
}

defineDatabaseSuite(
  "database layer on SQLite",
  async () => {
    const dir = mkdtempSync(path.join(process.env.CONVLAB_TEST_TMP ?? tmpdir(), "convlab-db-test-"));
    // A directory that does not exist yet: migrate deploy has to create it with the file.
    const file = path.join(dir, "nested", "convlab.db");
    return {
      url: `file:${file}`,
      migrationsDir: "prisma/migrations",
      // The engine holds SQLite in exclusive locking mode; unclosed, it leaves a zeroed -journal.
      leftovers: () => [`${file}-journal`].filter((leftover) => existsSync(leftover)),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  (getDatabase) => {
    it("runs the client in WAL mode with foreign keys enforced", async () => {
      const db = createPrismaClient(getDatabase().url);
      try {
        expect(await db.$queryRawUnsafe(`PRAGMA journal_mode`)).toEqual([{ journal_mode: "wal" }]);
        expect(await db.$queryRawUnsafe(`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1n }]);
      } finally {
        await db.$disconnect();
      }
    });
  },
);

if (!pgServerUrl) {
  console.warn(
    "[db.test] PostgreSQL suite skipped: CONVLAB_TEST_PG_URL is not set. Start a throwaway server with " +
      '`export CONVLAB_TEST_PG_URL="$(scripts/pg-test-server.sh)"` to run it.',
  );
}

describe.skipIf(!pgServerUrl)("PostgreSQL", () => {
  defineDatabaseSuite("database layer on PostgreSQL", async () => {
    const url = new URL(pgServerUrl!);
    const name = `convlab_test_${process.pid}_${Date.now()}`;
    url.pathname = `/${name}`;
    return {
      // migrate deploy creates the database itself (the engine's create-database path).
      url: url.toString(),
      migrationsDir: "prisma/postgres/migrations",
      drop: () => dropPostgresDatabase(name),
    };
  });
});
