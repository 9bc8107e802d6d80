// kill -9 of the grading process while submissions are queued and running, then a restart: every
// submission ends with exactly one verdict. The real worker (`scripts/worker.ts`) runs as a
// child process against a migrated database: SQLite (its embedded queue), and PostgreSQL
// (pg-boss) when CONVLAB_TEST_PG_URL names a server. "Exactly one" means: rows finished before
// the kill keep the verdict and time they had, rows that were running are graded again by the
// new process, every student's progress counts one attempt, and no verdict is logged as
// recorded twice.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { TDb } from "@/server/db-client";
import { readGradingConfig } from "@/server/grading-queue/grading-config";
import { enqueueGrading, startGradingBoss } from "@/server/grading-queue/pg-boss-grading";
import { CODE, FINISHED, countUnfinished, createCourse, submit, waitFor } from "../support/course-fixtures";
import { createPostgresDatabase, createSqliteDatabase, pgServerUrl, root, type TTestDatabase } from "../support/test-database";

interface TWorker {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();
// A killed worker cannot remove its runner's temporary directory: give the workers their own
// TMPDIR, removed afterwards. World-traversable, as the sandbox's uid must read the runner's files.
const workerTmp = mkdtempSync(path.join(tmpdir(), "convlab-crash-"));
chmodSync(workerTmp, 0o755);

function startWorker(databaseUrl: string): TWorker {
  // `node --import tsx` keeps the worker in one process, so SIGKILL hits the grader itself.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      TMPDIR: workerTmp,
      DATABASE_URL: databaseUrl,
      RUNNER_POOL_SIZE: "2",
      CONVLAB_GRADING_POLL_MS: "200",
      CONVLAB_LEASE_MARGIN_SECONDS: "5",
      CONVLAB_MAINTENANCE_SECONDS: "1",
    },
  });
  children.add(child);
  const lines: string[] = [];
  let partial = "";
  const collect = (chunk: Buffer) => {
    const text = partial + chunk.toString("utf8");
    const parts = text.split("\n");
    partial = parts.pop()!;
    lines.push(...parts);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, lines, exited };
}

/** Submission ids whose verdict a worker logged as recorded. */
function recordedIn(lines: string[]): string[] {
  return lines.flatMap((line) => {
    try {
      const entry = JSON.parse(line) as { msg?: string; outcome?: string; submissionId?: string };
      return entry.msg === "graded" && entry.outcome === "graded" && entry.submissionId ? [entry.submissionId] : [];
    } catch {
      return [];
    }
  });
}

afterAll(() => {
  for (const child of children) if (child.pid) process.kill(-child.pid, "SIGKILL");
  rmSync(workerTmp, { recursive: true, force: true });
});

async function runCrashScenario(database: TTestDatabase, options: { isPostgres: boolean }): Promise<void> {
  const db: TDb = database.db;
  // Sleepers keep gradings running long enough to be caught by the kill.
  const kinds = ["sleepy", "sleepy", "buggy", "sleepy", "correct", "sleepy", "sleepy", "buggy", "sleepy", "correct", "sleepy", "sleepy", "buggy", "sleepy"] as const;
  const course = await createCourse(db, kinds.length);
  const expected = new Map<string, string>();
  for (const [i, kind] of kinds.entries()) {
    const code = kind === "sleepy" ? CODE.sleepy(1.5) : CODE[kind];
    expected.set(await submit(db, course, course.students[i]!, code), kind === "buggy" ? "failed" : "passed");
  }
  const ids = [...expected.keys()];
  if (options.isPostgres) {
    // What the web server does after storing each submission.
    const boss = await startGradingBoss({ url: database.url, role: "web", maintenanceSeconds: 10 });
    // The sender sets a job's lease: the same short margin as the workers below.
    const config = readGradingConfig({ DATABASE_URL: database.url, CONVLAB_LEASE_MARGIN_SECONDS: "5" });
    for (const [i, id] of ids.entries()) await enqueueGrading(boss, db, { submissionId: id, userId: course.students[i]!.id, config });
    await boss.stop({ graceful: false });
  }

  const first = startWorker(database.url);
  await waitFor(
    "gradings finished, running and queued at once",
    async () => {
      const counts = await db.submission.groupBy({ by: ["status"], where: { id: { in: ids } }, _count: true });
      const count = (statuses: readonly string[]) => counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c._count, 0);
      return count(FINISHED) >= 2 && count(["running"]) >= 1 && count(["queued"]) >= 1;
    },
    90_000,
    50,
  );
  process.kill(-first.child.pid!, "SIGKILL");
  expect(await first.exited).toBeNull();

  const atKill = await db.submission.findMany({ where: { id: { in: ids } } });
  const finishedAtKill = atKill.filter((row) => (FINISHED as readonly string[]).includes(row.status));
  const runningAtKill = atKill.filter((row) => row.status === "running");
  expect(finishedAtKill.length).toBeGreaterThanOrEqual(2);
  expect(runningAtKill.length + atKill.filter((row) => row.status === "queued").length).toBeGreaterThanOrEqual(2);

  const second = startWorker(database.url);
  await waitFor("every verdict after the restart", async () => (await countUnfinished(db, ids)) === 0, 120_000, 200);
  second.child.kill("SIGTERM");
  expect(await second.exited).toBe(0);

  const rows = new Map((await db.submission.findMany({ where: { id: { in: ids } } })).map((row) => [row.id, row]));
  for (const [id, status] of expected) expect({ id, status: rows.get(id)!.status }).toEqual({ id, status });
  // Finished before the kill: the verdict was not written again.
  for (const before of finishedAtKill) {
    expect(rows.get(before.id)).toMatchObject({ status: before.status, finishedAt: before.finishedAt, workerId: before.workerId, score: before.score });
  }
  // Running at the kill: graded again, by the new process.
  for (const before of runningAtKill) expect(rows.get(before.id)!.workerId).not.toBe(before.workerId);
  const progress = await db.progress.findMany({ where: { exerciseId: course.exerciseId, userId: { in: course.students.map((s) => s.id) } } });
  expect(progress).toHaveLength(kinds.length);
  for (const p of progress) expect(p.attempts).toBe(1);
  const recorded = [...recordedIn(first.lines), ...recordedIn(second.lines)];
  expect(new Set(recorded).size).toBe(recorded.length);
  // Everything not finished at the kill was recorded by the second process.
  expect(recordedIn(second.lines).sort()).toEqual(ids.filter((id) => !finishedAtKill.some((row) => row.id === id)).sort());
}

describe("a grading process killed with SIGKILL mid-grading", () => {
  it("loses nothing and grades each submission once on SQLite", async () => {
    const database = await createSqliteDatabase("crash");
    try {
      await runCrashScenario(database, { isPostgres: false });
    } finally {
      await database.drop();
    }
  }, 300_000);

  it.skipIf(!pgServerUrl)("loses nothing and grades each submission once on PostgreSQL (pg-boss)", async () => {
    const database = await createPostgresDatabase("crash");
    try {
      await runCrashScenario(database, { isPostgres: true });
    } finally {
      await database.drop();
    }
  }, 300_000);
});
