// Who owns a runner's copy of its Python files ($TMPDIR/convlab-runner-*), and removing the copies
// whose owner is gone: close() removes a runner's own copy, but a process killed by SIGKILL (the
// OOM killer, kill -9, a crash test) cannot, and on a server restarted many times they pile up.
import { readFileSync, readlinkSync } from "node:fs";
import { lstat, readdir, rmdir, unlink } from "node:fs/promises";
import path from "node:path";

/** A process, told apart from a later one that got the same pid, and the pid namespace its pid means something in. */
export interface TProcessIdentity {
  pid: number;
  /** field 22 of /proc/<pid>/stat: clock ticks since boot when the process started */
  startTicks: string;
  /** inode of /proc/<pid>/ns/pid */
  pidNamespace: string;
}

export type TOwnerState = "alive" | "dead" | "unknown";

const PREFIX = "convlab-runner-";
// What stagePythonDir creates: the owner, then mkdtemp's six random letters and digits. A copy
// made without an owner (no usable /proc) is a bare "convlab-runner-XXXXXX" and is never removed.
const OWNED_NAME = /^convlab-runner-([1-9]\d*)-(\d+)-(\d+)-[A-Za-z0-9]{6}$/;

/** The prefix for mkdtemp: it names the owner when this process can identify itself, else it is bare. */
export function formatStageDirPrefix(owner: TProcessIdentity | null): string {
  return owner ? `${PREFIX}${owner.pid}-${owner.startTicks}-${owner.pidNamespace}-` : PREFIX;
}

export function parseStageDirOwner(name: string): TProcessIdentity | null {
  const match = OWNED_NAME.exec(name);
  return match ? { pid: Number(match[1]), startTicks: match[2], pidNamespace: match[3] } : null;
}

/** The identity of a live process, or null if it is gone or /proc cannot say. */
export function readProcessIdentity(pid: number): TProcessIdentity | null {
  if (!isProcOurs()) return null;
  const stat = readStartTicks(pid);
  const pidNamespace = readPidNamespace(String(pid));
  return typeof stat === "object" && pidNamespace ? { pid, startTicks: stat.startTicks, pidNamespace } : null;
}

/**
 * Dead only when provably so: the pid means the same in our namespace, and it is gone or now
 * belongs to a process that started at another time (a recycled pid). Anything we cannot read is
 * "unknown", so a live owner is never taken for dead.
 */
export function checkStageDirOwner(owner: TProcessIdentity): TOwnerState {
  if (!isProcOurs() || readPidNamespace("self") !== owner.pidNamespace) return "unknown";
  const stat = readStartTicks(owner.pid);
  if (stat === "gone") return "dead";
  if (stat === "unreadable") return "unknown";
  return stat.startTicks === owner.startTicks ? "alive" : "dead";
}

/**
 * Removes the runner copies in `parent` whose owner is dead. Only directories (not symlinks) of
 * this uid with an owner in their name, and only when they hold nothing but the runner's .py
 * files, so nothing else is ever deleted. Best effort: never throws, reports nothing.
 */
export async function removeDeadOwnersStageDirs(parent: string): Promise<void> {
  const uid = process.getuid?.();
  if (uid === undefined) return;
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const owner = parseStageDirOwner(name);
    if (!owner) continue;
    try {
      await removeIfLeftover(path.join(parent, name), owner, uid);
    } catch {
      // Another runner starting at the same moment may be removing it too; the next start retries.
    }
  }
}

async function removeIfLeftover(dir: string, owner: TProcessIdentity, uid: number): Promise<void> {
  const stat = await lstat(dir);
  if (!stat.isDirectory() || stat.uid !== uid) return;
  if (checkStageDirOwner(owner) !== "dead") return;
  const files: string[] = [];
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const entry = await lstat(file);
    if (!name.endsWith(".py") || !entry.isFile()) return;
    files.push(file);
  }
  for (const file of files) await unlink(file);
  // Fails if anything appeared meanwhile: then the directory stays.
  await rmdir(dir);
}

/** /proc describes this process's pid namespace (not, say, a host /proc seen from a container). */
function isProcOurs(): boolean {
  try {
    return readlinkSync("/proc/self") === String(process.pid);
  } catch {
    return false;
  }
}

function readPidNamespace(pid: string): string | null {
  try {
    return /^pid:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/ns/pid`))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat, or whether the process is gone or merely unreadable (e.g. hidepid). */
function readStartTicks(pid: number): { startTicks: string } | "gone" | "unreadable" {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch (error) {
    // ESRCH: it exited between opening and reading.
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ESRCH" ? "gone" : "unreadable";
  }
  // The command name (field 2) may contain spaces and parentheses; fields after it are plain.
  const field = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  return field && /^\d+$/.test(field) ? { startTicks: field } : "unreadable";
}
