// The process of a server under test, found by the port it listens on, and its memory as the
// kernel counts it (/proc/<pid>/status): for tests that measure what a request costs the server.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export function findListeningPid(port: number): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new Error(`no process of ours listens on port ${port}: ${out}`);
  return Number(match[1]);
}

/** Resident memory in MB (VmRSS). */
export function readRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]);
  return kb / 1024;
}
