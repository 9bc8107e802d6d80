// Deadline night, measured: `npm run loadtest [-- --postgres]`. Starts a production ConvLab on a
// throwaway database (SQLite and the in-process grader by default; with --postgres a local
// PostgreSQL, the web server enqueueing through pg-boss and two `scripts/worker.ts` workers),
// signs in 500 demo students over HTTP, has each submit one solution within 10 seconds (a mix of
// correct, buggy and endless code), polls every submission the way the exercise page does (long
// polls) until its verdict, and prints figures. The last line of
// stdout is one JSON object:
//   { sent, verdicts, lost, httpErrors, secondsToVerdict: { p50, p95, max }, gradingsPerSecond, ... }
// secondsToVerdict runs from sending the submission to the verdict being stored (finishedAt).
// serverCpuMsPerSubmission is the CPU of the web server's own processes (not its sandboxes) from
// the first submission to the last verdict, per submission sent: HTTP, sessions, validation,
// writes and long polls, and on SQLite also the grader's TypeScript side (cases, comparison).
// sandboxCpuMsPerSubmission, workerCpuMsPerSubmission (--postgres) and
// loadGeneratorCpuMsPerSubmission split the rest of the machine's CPU over the same span, and
// machineCpuBusy is the share of all cores that was busy: where the burst's time goes.
//
// Options: --postgres, --students 500, --window 10 (seconds), --endless 0.1 and --buggy 0.3
// (fractions of the mix; the rest is correct), --pool N (RUNNER_POOL_SIZE), --workers 2 (with
// --postgres), --build (force next build) or --no-build, --timeout 900 (seconds to wait for all
// verdicts), --keep (keep the temp directory with the database and the server logs),
// --cpu-prof <dir> (run the web server under `node --cpu-prof` and write its .cpuprofile to
// <dir> when it stops; summarise it with `npx tsx scripts/cpu-profile-summary.ts <file>`).
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { findRepoRoot } from "../prisma/database-url";
import { createPrismaClient } from "@/server/db-client";
import { percentile } from "@/server/grading-queue/read-grading-stats";
import { FINISHED_STATUSES } from "@/server/submissions/submission-status";
import { readProcessTreeCpuMs } from "../runner/bench/process-cpu";
import { LOAD_STUDENT_PASSWORD, loadStudentEmail, seedLoadStudents } from "./lib/seed-load-students";
import { ensureBuild, findFreePort, prepareDatabase, say, startProcess, waitForHealth, type TManagedProcess } from "./lib/start-convlab";

const FINISHED = new Set<string>(FINISHED_STATUSES);
const SIGN_IN_CONCURRENCY = 8;
/** The exercise page's floor between two requests for one submission. */
const MIN_POLL_INTERVAL_MS = 700;
const EXERCISE = "convolution";
/** Processes below the web server that are sandboxes, not the server. */
const SANDBOX_COMMANDS = new Set(["bwrap", "python3", "prlimit", "setpriv"]);

/** All cores' time from /proc/stat (first line, in clock ticks): busy (not idle or iowait) and total. */
function readMachineCpu(): { busy: number; total: number } {
  const ticks = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

const ZArgs = z.object({
  postgres: z.boolean().default(false),
  students: z.coerce.number().int().min(1).max(5000).default(500),
  window: z.coerce.number().min(0).max(600).default(10),
  endless: z.coerce.number().min(0).max(1).default(0.1),
  buggy: z.coerce.number().min(0).max(1).default(0.3),
  pool: z.coerce.number().int().min(1).max(64).optional(),
  workers: z.coerce.number().int().min(1).max(16).default(2),
  build: z.boolean().default(false),
  "no-build": z.boolean().default(false),
  timeout: z.coerce.number().int().min(10).default(900),
  keep: z.boolean().default(false),
  "cpu-prof": z.string().min(1).optional(),
});
type TArgs = z.infer<typeof ZArgs>;

type TKind = "correct" | "buggy" | "endless";

interface TAttempt {
  kind: TKind;
  sentAt: number;
  id: string | null;
  verdict: string | null;
  finishedAt: number | null;
  seenAt: number | null;
}

function readArgs(): TArgs {
  const { values } = parseArgs({
    options: {
      postgres: { type: "boolean" },
      students: { type: "string" },
      window: { type: "string" },
      endless: { type: "string" },
      buggy: { type: "string" },
      pool: { type: "string" },
      workers: { type: "string" },
      build: { type: "boolean" },
      "no-build": { type: "boolean" },
      timeout: { type: "string" },
      keep: { type: "boolean" },
      "cpu-prof": { type: "string" },
    },
  });
  const args = ZArgs.parse(values);
  if (args.endless + args.buggy > 1) throw new Error("--endless plus --buggy must be at most 1");
  return args;
}

/** A small seeded generator, so two runs submit the same mix at the same offsets. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readCodes(root: string): Record<TKind, string[]> {
  const dir = path.join(root, "exercises", EXERCISE);
  return {
    correct: [readFileSync(path.join(dir, "solution.py"), "utf8")],
    buggy: readdirSync(path.join(dir, "buggy")).map((file) => readFileSync(path.join(dir, "buggy", file), "utf8")),
    endless: ["def convolution(img, kernel, padding=1, stride=1):\n    while True:\n        pass\n"],
  };
}

/** Exactly round(n × fraction) of each kind, in a seeded random order. */
function planKinds(args: TArgs, random: () => number): TKind[] {
  const endless = Math.round(args.students * args.endless);
  const buggy = Math.round(args.students * args.buggy);
  const kinds: TKind[] = [...Array<TKind>(endless).fill("endless"), ...Array<TKind>(buggy).fill("buggy"), ...Array<TKind>(args.students - endless - buggy).fill("correct")];
  for (let i = kinds.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return kinds;
}

async function mapWithConcurrency<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password: LOAD_STUDENT_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: HTTP ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

const ZView = z.object({ status: z.string(), finishedAt: z.string().nullable() });

async function main(): Promise<void> {
  const args = readArgs();
  const root = findRepoRoot();
  const dir = mkdtempSync(path.join(tmpdir(), "convlab-loadtest-"));
  if (args["cpu-prof"]) mkdirSync(args["cpu-prof"], { recursive: true });
  // The servers' TMPDIR, so the runner directories of processes stopped by a signal go with the
  // rest; world-traversable, as the sandbox's uid must read the runner's files.
  const serverTmp = path.join(dir, "tmp");
  mkdirSync(serverTmp);
  chmodSync(dir, 0o755);
  chmodSync(serverTmp, 0o755);
  const processes: TManagedProcess[] = [];
  let stopDatabase = async () => {};
  let isCleanedUp = false;
  const cleanUp = async () => {
    if (isCleanedUp) return;
    isCleanedUp = true;
    await Promise.all(processes.map((p) => p.stop()));
    await stopDatabase();
    if (args.keep) say(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

  try {
    if (!args["no-build"]) await ensureBuild({ root, force: args.build });
    say(`preparing a ${args.postgres ? "PostgreSQL" : "SQLite"} database in ${dir}`);
    const database = await prepareDatabase({ root, dir, postgres: args.postgres });
    stopDatabase = database.stop;
    const db = createPrismaClient(database.url);
    await seedLoadStudents(db, { count: args.students, courseCode: "DEMOCONV" });
    const assignment = await db.assignment.findFirstOrThrow({
      where: { course: { code: "DEMOCONV" }, exercises: { some: { exercise: { slug: EXERCISE } } } },
      select: { id: true },
    });
    await db.$disconnect();

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const metricsToken = randomBytes(24).toString("hex");
    const shared = { DATABASE_URL: database.url, TMPDIR: serverTmp, CONVLAB_METRICS_TOKEN: metricsToken, ...(args.pool ? { RUNNER_POOL_SIZE: String(args.pool) } : {}) };
    processes.push(
      startProcess({
        name: "web server",
        root,
        args: [
          ...(args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : []),
          "node_modules/next/dist/bin/next",
          "start",
          "-p",
          String(port),
          "-H",
          "127.0.0.1",
        ],
        env: { ...shared, PORT: String(port), BETTER_AUTH_URL: baseUrl, BETTER_AUTH_SECRET: randomBytes(24).toString("hex"), CONVLAB_DISABLE_RATE_LIMIT: "1" },
        logFile: path.join(dir, "web.log"),
      }),
    );
    if (args.postgres) {
      for (let i = 1; i <= args.workers; i += 1) {
        processes.push(
          startProcess({
            name: `worker ${i}`,
            root,
            args: ["--import", "tsx", "scripts/worker.ts"],
            env: { ...shared, CONVLAB_WORKER_NAME: `loadtest-worker-${i}` },
            logFile: path.join(dir, `worker-${i}.log`),
          }),
        );
      }
    }
    await waitForHealth(baseUrl, 120_000, processes);

    say(`signing in ${args.students} students`);
    const signInStarted = Date.now();
    const cookies = await mapWithConcurrency(
      Array.from({ length: args.students }, (_, i) => i),
      SIGN_IN_CONCURRENCY,
      (i) => signIn(baseUrl, loadStudentEmail(i)),
    );
    say(`signed in after ${((Date.now() - signInStarted) / 1000).toFixed(1)} s; submitting within ${args.window} s`);

    const random = createRandom(20240902);
    const codes = readCodes(root);
    const kinds = planKinds(args, random);
    const plan = kinds.map((kind) => ({ kind, offsetMs: random() * args.window * 1000, code: codes[kind][Math.floor(random() * codes[kind].length)]! }));
    let httpErrors = 0;
    let refused = 0;
    let polls = 0;
    const burstStarted = Date.now();
    const webPid = processes[0]!.child.pid!;
    const workerPids = processes.slice(1).map((p) => p.child.pid!);
    const readCpuSplit = () => {
      const withSandboxes = [webPid, ...workerPids].reduce((sum, pid) => sum + readProcessTreeCpuMs(pid), 0);
      const workers = workerPids.reduce((sum, pid) => sum + readProcessTreeCpuMs(pid, SANDBOX_COMMANDS), 0);
      return { withSandboxes, workers, server: readProcessTreeCpuMs(webPid, SANDBOX_COMMANDS), machine: readMachineCpu(), loadGenerator: process.cpuUsage() };
    };
    const cpuBefore = readCpuSplit();
    const burstStartedUs = process.hrtime.bigint() / 1000n;
    const deadline = burstStarted + args.window * 1000 + args.timeout * 1000;

    const attempts = await Promise.all(
      plan.map(async ({ kind, offsetMs, code }, i): Promise<TAttempt> => {
        await sleep(offsetMs);
        const attempt: TAttempt = { kind, sentAt: Date.now(), id: null, verdict: null, finishedAt: null, seenAt: null };
        const submitted = await fetch(`${baseUrl}/api/assignments/${assignment.id}/exercises/${EXERCISE}/submissions`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: baseUrl, cookie: cookies[i]! },
          body: JSON.stringify({ code, clientToken: `load-${i}-${randomBytes(4).toString("hex")}` }),
        }).catch(() => null);
        if (!submitted?.ok) {
          httpErrors += 1;
          if (submitted?.status === 503) refused += 1;
          return attempt;
        }
        attempt.id = z.object({ id: z.string() }).parse(await submitted.json()).id;
        // Long polls, as the exercise page makes them: the server answers when the status changes.
        let seen = "queued";
        while (Date.now() < deadline) {
          const asked = Date.now();
          polls += 1;
          const response = await fetch(`${baseUrl}/api/submissions/${attempt.id}?wait=${seen}`, { headers: { cookie: cookies[i]! } }).catch(() => null);
          if (!response?.ok) {
            httpErrors += 1;
            await sleep(MIN_POLL_INTERVAL_MS);
            continue;
          }
          const view = ZView.parse(await response.json());
          if (FINISHED.has(view.status)) {
            attempt.verdict = view.status;
            attempt.finishedAt = Date.parse(view.finishedAt!);
            attempt.seenAt = Date.now();
            break;
          }
          seen = view.status;
          await sleep(Math.max(0, MIN_POLL_INTERVAL_MS - (Date.now() - asked)));
        }
        return attempt;
      }),
    );

    const cpuAfter = readCpuSplit();
    // The burst's span on the monotonic clock, which V8's profile timestamps also use: the
    // summary then leaves out start-up and the 500 sign-ins.
    if (args["cpu-prof"]) {
      writeFileSync(path.join(args["cpu-prof"], "burst-window.json"), JSON.stringify({ fromUs: String(burstStartedUs), toUs: String(process.hrtime.bigint() / 1000n), submissions: attempts.length }));
    }
    const health = await fetch(`${baseUrl}/api/health`, { headers: { authorization: `Bearer ${metricsToken}` } }).then((response) => response.json() as Promise<{ grading?: { recent?: unknown } }>, () => null);
    const done = attempts.filter((a) => a.finishedAt !== null);
    const toVerdict = (list: TAttempt[]) => list.map((a) => (a.finishedAt! - a.sentAt) / 1000).sort((x, y) => x - y);
    const figures = (list: TAttempt[]) => {
      const seconds = toVerdict(list);
      const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
      return { p50: round(percentile(seconds, 0.5)), p95: round(percentile(seconds, 0.95)), max: round(seconds.at(-1) ?? null) };
    };
    const firstSent = Math.min(...attempts.map((a) => a.sentAt));
    const lastVerdict = Math.max(...done.map((a) => a.finishedAt!));
    const countBy = (list: TAttempt[], key: (a: TAttempt) => string) => list.reduce<Record<string, number>>((acc, a) => ({ ...acc, [key(a)]: (acc[key(a)] ?? 0) + 1 }), {});
    const seen = done.map((a) => (a.seenAt! - a.sentAt) / 1000).sort((x, y) => x - y);

    const perSubmission = (ms: number) => Math.round((ms / attempts.length) * 10) / 10;
    const report = {
      sent: attempts.length,
      verdicts: done.length,
      lost: attempts.filter((a) => a.id !== null && a.finishedAt === null).length,
      httpErrors,
      secondsToVerdict: figures(done),
      gradingsPerSecond: done.length === 0 ? 0 : Math.round((done.length / ((lastVerdict - firstSent) / 1000)) * 100) / 100,
      refused,
      byKind: Object.fromEntries((["correct", "buggy", "endless"] as const).map((kind) => [kind, { n: done.filter((a) => a.kind === kind).length, ...figures(done.filter((a) => a.kind === kind)) }])),
      verdictsByStatus: countBy(done, (a) => a.verdict!),
      secondsToSeenP95: percentile(seen, 0.95),
      polls,
      serverCpuMsPerSubmission: perSubmission(cpuAfter.server - cpuBefore.server),
      // Where the rest of the machine went, per submission sent, over the same span: the sandboxes
      // (student code, all of it, endless loops included), the pg-boss workers' own processes, and
      // this script's simulated browsers; and the share of all cores that was busy.
      sandboxCpuMsPerSubmission: perSubmission(cpuAfter.withSandboxes - cpuBefore.withSandboxes - (cpuAfter.server - cpuBefore.server) - (cpuAfter.workers - cpuBefore.workers)),
      workerCpuMsPerSubmission: args.postgres ? perSubmission(cpuAfter.workers - cpuBefore.workers) : null,
      loadGeneratorCpuMsPerSubmission: perSubmission((cpuAfter.loadGenerator.user + cpuAfter.loadGenerator.system - cpuBefore.loadGenerator.user - cpuBefore.loadGenerator.system) / 1000),
      machineCpuBusy: Math.round(((cpuAfter.machine.busy - cpuBefore.machine.busy) / (cpuAfter.machine.total - cpuBefore.machine.total)) * 100) / 100,
      server: health?.grading?.recent ?? null,
      setup: {
        database: args.postgres ? "postgresql" : "sqlite",
        grading: args.postgres ? `pg-boss, ${args.workers} workers` : "in the web server",
        runnerPoolSize: args.pool ?? "default",
        students: args.students,
        windowSeconds: args.window,
        mix: { endless: args.endless, buggy: args.buggy },
      },
    };
    say(
      `${report.verdicts}/${report.sent} verdicts, lost ${report.lost}, HTTP errors ${report.httpErrors}; ` +
        `submit→verdict p50 ${report.secondsToVerdict.p50} s, p95 ${report.secondsToVerdict.p95} s, max ${report.secondsToVerdict.max} s; ` +
        `${report.gradingsPerSecond} gradings/s`,
    );
    await cleanUp();
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exitCode = report.lost === 0 && report.verdicts === report.sent ? 0 : 1;
  } catch (error) {
    say(`failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!args.keep) say("run again with --keep to look at the server logs");
    process.exitCode = 2;
  } finally {
    await cleanUp();
  }
}

void main();
