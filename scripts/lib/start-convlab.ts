// Starts a local ConvLab for the load test and takes it down again: a throwaway database (a
// SQLite file, or a PostgreSQL cluster from scripts/pg-test-server.sh) migrated and seeded, the
// production server (`next start`) and grading workers. Every process runs in its own process
// group with its output in a log file, and stop() kills the whole group, so nothing outlives
// the test.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { openSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TManagedProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** Progress on stderr, named after the script that runs (loadtest, bench-pages), so stdout keeps only the figures. */
export function say(message: string): void {
  process.stderr.write(`[${path.basename(process.argv[1] ?? "convlab", ".ts")}] ${message}\n`);
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A fresh database in `dir`, migrated and seeded with the demo course. */
export async function prepareDatabase(options: { root: string; dir: string; postgres: boolean }): Promise<{ url: string; stop: () => Promise<void> }> {
  let url = `file:${path.join(options.dir, "loadtest.db")}`;
  let stop = async () => {};
  if (options.postgres) {
    const pgDir = path.join(options.dir, "pg");
    const started = await run("bash", ["scripts/pg-test-server.sh", "start", pgDir], { cwd: options.root });
    url = started.stdout.trim();
    stop = async () => {
      await run("bash", ["scripts/pg-test-server.sh", "stop", pgDir], { cwd: options.root }).catch(() => {});
    };
  }
  const env = { ...process.env, DATABASE_URL: url };
  await run("npx", ["prisma", "migrate", "deploy"], { cwd: options.root, env, timeout: 180_000 });
  await run("npx", ["tsx", "scripts/sync-exercises.ts"], { cwd: options.root, env, timeout: 180_000 });
  await run("npx", ["tsx", "prisma/seed.ts"], { cwd: options.root, env, timeout: 180_000 });
  return { url, stop };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `next build` unless the build in .next is newer than every source it is made of. */
export async function ensureBuild(options: { root: string; force: boolean }): Promise<void> {
  const sources = ["app", "src", "exercises", "runner/src"].map((dir) => newestMtime(path.join(options.root, dir)));
  const files = ["instrumentation.ts", "next.config.js", "package-lock.json"].map((file) => statSync(path.join(options.root, file)).mtimeMs);
  let builtAt = 0;
  try {
    builtAt = statSync(path.join(options.root, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    // no build yet
  }
  if (!options.force && builtAt > Math.max(...sources, ...files)) return;
  say("building the production server (next build); --no-build skips this");
  await run("npx", ["next", "build"], { cwd: options.root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
}

/** Signals a whole process group; one that is already gone is fine. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already exited
  }
}

export function startProcess(options: { name: string; root: string; args: string[]; env: Record<string, string>; logFile: string }): TManagedProcess {
  const log = openSync(options.logFile, "a");
  const child = spawn(process.execPath, options.args, {
    cwd: options.root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    detached: true,
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name: options.name,
    child,
    logFile: options.logFile,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child.pid!, "SIGTERM");
      const timer = setTimeout(() => killGroup(child.pid!, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function waitForHealth(baseUrl: string, timeoutMs: number, processes: TManagedProcess[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = processes.find((p) => p.child.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited with code ${dead.child.exitCode}; see ${dead.logFile}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`ConvLab did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
