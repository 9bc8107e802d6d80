// What every sandbox launch shares: the checked host binaries, a copy of runner/python that the
// unprivileged sandbox uid can read, the outer seccomp filter, and the launch command itself
// (the isolation layers from the outside in).
import { spawn } from "node:child_process";
import { constants as fsConstants } from "node:fs";
import { access, chmod, copyFile, lstat, mkdtemp, readdir, readlink, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MAX_MEMORY_MB } from "./protocol";
import { formatStageDirPrefix, readProcessIdentity, removeDeadOwnersStageDirs } from "./stage-dir-owner";
import type { TSandboxFlavour } from "./types";

export interface TSandboxPaths {
  bwrap: string;
  python: string;
  prlimit: string;
  setpriv: string;
}

export interface TSandboxSetup {
  paths: TSandboxPaths;
  /** a private copy of runner/python, bound read-only at /runner */
  stageDir: string;
  /** BPF for bwrap --seccomp; sent afresh on every launch because bwrap reads it to the end */
  outerFilter: Buffer;
  /** bwrap arguments recreating the host's /lib and /lib64 (symlinks into /usr on Debian 12) */
  libraryMounts: string[];
}

/**
 * torch's CPU probe (cpuinfo, run by set_num_threads and by its thread pool) aborts the process
 * unless it can parse /proc/cpuinfo: the torch sandbox sees that one file, read-only, and no other
 * part of /proc.
 */
const TORCH_MOUNTS = ["--ro-bind", "/proc/cpuinfo", "/proc/cpuinfo"];

/** Nothing of the server's environment reaches a sandbox (Next.js types make NODE_ENV required). */
export const EMPTY_ENV = {} as NodeJS.ProcessEnv;

/** A fault of the host or the sandbox, never of the student: the message is for the operator. */
export class SandboxFault extends Error {}

// Sandboxes run under uids no account uses, rotated: a finished sandbox keeps counting against
// RLIMIT_NPROC of its uid for about 2 s, so reusing one uid quickly makes launches fail.
const UID_BASE = 2_000_000_000;
const UID_COUNT = 64;
let uidCursor = Math.floor(Math.random() * UID_COUNT);

/** The next sandbox uid, or null when not running as root (then bwrap runs as the caller). */
export function takeSandboxUid(): number | null {
  if (process.getuid?.() !== 0) return null;
  uidCursor = (uidCursor + 1) % UID_COUNT;
  return UID_BASE + uidCursor;
}

export function locatePythonDir(): string {
  return path.join(process.env.CONVLAB_RUNNER_DIR ?? path.join(process.cwd(), "runner"), "python");
}

export async function prepareSandbox(overrides: { bwrap?: string; python?: string }): Promise<TSandboxSetup> {
  const paths: TSandboxPaths = {
    bwrap: overrides.bwrap ?? "/usr/bin/bwrap",
    python: overrides.python ?? "/usr/bin/python3",
    prlimit: "/usr/bin/prlimit",
    setpriv: "/usr/bin/setpriv",
  };
  if (os.endianness() !== "LE") throw new SandboxFault("The runner sends arrays as little-endian float64 and needs a little-endian host.");
  await requireExecutable(paths.bwrap, "bubblewrap is not installed: apt-get install bubblewrap");
  await requireExecutable(paths.python, "Debian's python3 is missing: apt-get install python3 python3-numpy python3-seccomp");
  await requireExecutable(paths.prlimit, "prlimit is missing: apt-get install util-linux");
  await requireExecutable(paths.setpriv, "setpriv is missing: apt-get install util-linux");
  const stageDir = await stagePythonDir();
  try {
    const outerFilter = await buildOuterFilter(paths.python, stageDir);
    return { paths, stageDir, outerFilter, libraryMounts: await describeLibraryMounts() };
  } catch (error) {
    await rm(stageDir, { recursive: true, force: true });
    throw error;
  }
}

export async function disposeSandbox(setup: TSandboxSetup): Promise<void> {
  await rm(setup.stageDir, { recursive: true, force: true });
}

export function buildSandboxCommand(
  setup: TSandboxSetup,
  options: { uid: number | null; poolSize: number; once: boolean; flavour: TSandboxFlavour },
): { file: string; args: string[] } {
  const { paths } = setup;
  const { uid, poolSize, once, flavour } = options;
  const limits = [
    `--as=${MAX_MEMORY_MB * 1024 * 1024}`,
    // the zygote, its idle and running children, and bwrap's two processes
    `--nproc=${2 * poolSize + 16}`,
    `--nofile=${64 + 8 * poolSize}`,
    "--fsize=0",
    "--core=0",
  ];
  const dropUid =
    uid === null
      ? []
      : [paths.setpriv, `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"];
  const bwrap = [
    paths.bwrap,
    "--unshare-all",
    "--unshare-user",
    "--disable-userns",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--setenv", "OPENBLAS_NUM_THREADS", "1",
    "--setenv", "OMP_NUM_THREADS", "1",
    "--ro-bind", "/usr", "/usr",
    ...setup.libraryMounts,
    // numpy finds libblas through these two (see the sandbox note, pitfall 1)
    "--ro-bind", "/etc/alternatives", "/etc/alternatives",
    "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache",
    "--ro-bind", setup.stageDir, "/runner",
    ...(flavour === "torch" ? TORCH_MOUNTS : []),
    "--dev", "/dev",
    "--chdir", "/",
    "--remount-ro", "/dev",
    "--remount-ro", "/",
    "--seccomp", "3",
  ];
  const python = [paths.python, "-I", "-S", "-B", "/runner/zygote.py", String(poolSize), ...(once ? ["once"] : []), ...(flavour === "torch" ? ["torch"] : [])];
  return { file: paths.prlimit, args: [...limits, "--", ...dropUid, ...bwrap, ...python] };
}

/** Turns a sandbox's stderr into the fix an operator needs. */
export function explainStartFailure(stderr: string): string {
  const tail = stderr.trim().slice(-1500);
  if (/No module named '?numpy/.test(stderr)) return `python3-numpy is missing: apt-get install python3-numpy. (${tail})`;
  if (/No module named '?torch/.test(stderr)) return `python3-torch is missing (exercises with "sandbox": "torch" need it): apt-get install python3-torch. (${tail})`;
  if (/No module named '?seccomp/.test(stderr)) return `python3-seccomp is missing: apt-get install python3-seccomp. (${tail})`;
  if (/libblas|liblapack/.test(stderr)) return `numpy cannot load BLAS inside the sandbox (check /etc/alternatives). (${tail})`;
  if (/bwrap: .*(namespace|uid map|Operation not permitted)/i.test(stderr)) {
    return `bubblewrap cannot create its namespaces: enable unprivileged user namespaces (sysctl user.max_user_namespaces=10000, kernel.unprivileged_userns_clone=1). (${tail})`;
  }
  if (/Can't find source path|Permission denied/.test(stderr)) {
    return `a path bound into the sandbox is missing or unreadable by the sandbox uid (the runner's copy of its Python files lives under TMPDIR, which must be world-traversable). (${tail})`;
  }
  return `the sandbox did not start: ${tail || "no output"}`;
}

async function requireExecutable(file: string, message: string): Promise<void> {
  try {
    await access(file, fsConstants.X_OK);
  } catch {
    throw new SandboxFault(`${message} (${file} not found)`);
  }
}

async function stagePythonDir(): Promise<string> {
  const source = locatePythonDir();
  let files: string[];
  try {
    files = (await readdir(source)).filter((name) => name.endsWith(".py"));
  } catch {
    throw new SandboxFault(`The runner's Python files are not at ${source}: run from the repository root or set CONVLAB_RUNNER_DIR.`);
  }
  // A fresh directory under /tmp: the repository itself may sit where the sandbox uid cannot look.
  // Its name records this process, so a later runner can remove it if we are killed before close().
  await removeDeadOwnersStageDirs(os.tmpdir());
  const dir = await mkdtemp(path.join(os.tmpdir(), formatStageDirPrefix(readProcessIdentity(process.pid))));
  await chmod(dir, 0o755);
  for (const name of files) {
    await copyFile(path.join(source, name), path.join(dir, name));
    await chmod(path.join(dir, name), 0o644);
  }
  return dir;
}

async function buildOuterFilter(python: string, stageDir: string): Promise<Buffer> {
  const uid = takeSandboxUid();
  const proc = spawn(python, ["-I", "-S", "-B", path.join(stageDir, "filters.py")], {
    env: EMPTY_ENV,
    stdio: ["ignore", "pipe", "pipe"],
    ...(uid === null ? {} : { uid, gid: uid }),
  });
  const stdout: Buffer[] = [];
  let stderr = "";
  proc.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    proc.on("error", (error) => {
      stderr += String(error);
      resolve(null);
    });
    proc.on("close", resolve);
  });
  const filter = Buffer.concat(stdout);
  if (code !== 0 || filter.length === 0) throw new SandboxFault(`Building the seccomp filter failed: ${explainStartFailure(stderr)}`);
  return filter;
}

async function describeLibraryMounts(): Promise<string[]> {
  const mounts: string[] = [];
  for (const dir of ["/lib", "/lib64"]) {
    const stat = await lstat(dir).catch(() => null);
    if (stat?.isSymbolicLink()) mounts.push("--symlink", await readlink(dir), dir);
    else if (stat?.isDirectory()) mounts.push("--ro-bind", dir, dir);
  }
  return mounts;
}
