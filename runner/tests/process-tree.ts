// Reads /proc to find the processes a test started, so tests can kill a sandbox from outside
// and check that nothing is left behind.
import { readFileSync, readdirSync } from "node:fs";

interface TProcess {
  pid: number;
  ppid: number;
  cmdline: string;
}

function listProcesses(): TProcess[] {
  const processes: TProcess[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      processes.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // exited while we looked
    }
  }
  return processes;
}

/** Every living process below `root` (this test process by default). */
export function listDescendants(root = process.pid): TProcess[] {
  const all = listProcesses();
  const found: TProcess[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = all.filter((p) => frontier.includes(p.ppid));
    found.push(...children);
    frontier = children.map((p) => p.pid);
  }
  return found;
}

/** The zygote of each sandbox below this process: a zygote's parent is bwrap, not another zygote. */
export function listZygotes(): TProcess[] {
  const descendants = listDescendants();
  const isZygote = (p: TProcess) => p.cmdline.startsWith("/usr/bin/python3") && p.cmdline.includes("/runner/zygote.py");
  const pids = new Set(descendants.filter(isZygote).map((p) => p.pid));
  return descendants.filter((p) => pids.has(p.pid) && !pids.has(p.ppid));
}

/** Sandbox processes (bwrap and the Python inside it) below this process. */
export function listSandboxProcesses(): TProcess[] {
  return listDescendants().filter((p) => p.cmdline.includes("bwrap") || p.cmdline.includes("zygote.py"));
}
