// Who owns a running submission on the embedded queue (SQLite, one machine), and whether that
// owner still lives. A token names the host, the pid and the pid's start time, so any grading
// process can tell a dead owner's rows (re-queue them at once) from a live one's (leave them),
// even with several processes grading one database and pids being reused.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";

export type TOwnerState = "alive" | "dead" | "unknown";

const TOKEN = /^[\w.-]+@([^/]+)\/(\d+)\/(\d+)\/[0-9a-f]+$/;

/**
 * Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat); null if the
 * process is gone; undefined if /proc will not say (e.g. mounted with hidepid): then nobody can
 * tell, and a live owner must not be taken for a dead one.
 */
function readStartTicks(pid: number): string | null | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? null : undefined;
  }
  // The command name (field 2) may contain spaces and parentheses; fields after it are plain.
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? undefined;
}

/** A fresh token for this process; `role` only makes logs and the health report readable. */
export function createProcessToken(role: string): string {
  return `${role}@${hostname()}/${process.pid}/${readStartTicks(process.pid) ?? 0}/${randomBytes(3).toString("hex")}`;
}

/** Dead only when provably so: same host, and the pid is gone or now belongs to a younger process. */
export function checkTokenOwner(token: string | null): TOwnerState {
  const match = token ? TOKEN.exec(token) : null;
  if (!match || match[1] !== hostname()) return "unknown";
  const startTicks = readStartTicks(Number(match[2]));
  if (startTicks === undefined) return "unknown";
  return startTicks === match[3] ? "alive" : "dead";
}
