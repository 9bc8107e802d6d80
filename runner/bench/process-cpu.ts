// CPU used by a process tree, read from /proc: for the bench (node and its sandboxes, whose
// finished job children are counted in their zygote's figures) and the load test (the web
// server without its sandboxes). Differences of two readings are what the callers report.
import { readdirSync, readFileSync } from "node:fs";

/** USER_HZ: the unit of /proc/<pid>/stat's CPU times, 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

interface TProcessCpu {
  pid: number;
  ppid: number;
  command: string;
  ticks: number;
}

function readProcesses(): TProcessCpu[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        // After the command: state ppid … utime stime cutime cstime (fields 14–17 of the line).
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
        return [{ pid: Number(name), ppid: Number(fields[1]), command, ticks }];
      } catch {
        return []; // exited while we looked
      }
    });
}

/**
 * CPU milliseconds used so far by `rootPid` and its living descendants, each with its waited-for
 * children (a zygote's finished job children are in its figures). Processes whose command is in
 * `skipCommands` are left out with everything below them.
 */
export function readProcessTreeCpuMs(rootPid: number, skipCommands: ReadonlySet<string> = new Set()): number {
  const processes = readProcesses();
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid) && !skipCommands.has(p.command)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  const ticks = processes.filter((p) => inTree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
