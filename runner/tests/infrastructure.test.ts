// Faults that are not the student's: they must come back as "not gradable" with a message that
// tells the operator what to fix, and the runner must recover and never leave processes behind.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { assembleResult } from "../src/assemble-result";
import { encodeFrame } from "../src/frame-codec";
import { DEFAULT_LIMITS, checkSandbox, createRunner, type TJobResult, type TRunner } from "../src/index";
import { disposeSandbox, prepareSandbox, takeSandboxUid } from "../src/sandbox-setup";
import { ZygoteProcess } from "../src/zygote-process";
import { makeJob, returnedValue } from "./job-helpers";
import { listDescendants, listSandboxProcesses, listZygotes } from "./process-tree";

const runners: TRunner[] = [];
const startRunner = (...args: Parameters<typeof createRunner>) => {
  const runner = createRunner(...args);
  runners.push(runner);
  return runner;
};

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.close()));
  expect(listSandboxProcesses()).toEqual([]);
});

const square = makeJob("def f(n):\n    return n * n\n", [{ args: [3] }]);
const nap = makeJob("import time\ndef f():\n    time.sleep(30)\n");

function expectNotGradable(result: TJobResult, operatorHint: RegExp): void {
  expect(result).toMatchObject({ gradable: false, reason: expect.stringContaining("did not use an attempt") });
  expect(!result.gradable && result.operatorMessage).toMatch(operatorHint);
}

describe("a broken host", () => {
  it("says how to install bubblewrap when it is missing", async () => {
    expectNotGradable(await startRunner({ bwrapPath: "/nonexistent/bwrap" }).run(square), /apt-get install bubblewrap/);
  });

  it("says how to install Debian's python3 when it is missing", async () => {
    expectNotGradable(await startRunner({ pythonPath: "/nonexistent/python3" }).run(square), /apt-get install python3 python3-numpy python3-seccomp/);
  });

  it("passes the sandbox check on this machine", async () => {
    expect(await checkSandbox()).toEqual({ ok: true });
  });
});

describe("a broken job or sandbox", () => {
  it("reports an invalid job to the operator instead of running it", async () => {
    const job = { ...square, cases: [{ args: [{ kind: "ndarray" as const, shape: [3], data: Float64Array.of(1) }] }] };
    expectNotGradable(await startRunner({ poolSize: 1 }).run(job), /invalid job.*shape \[3\] but 1 values/);
  });

  it("reports a worker that died before it started the job, with the worker's own error", async () => {
    const setup = await prepareSandbox({});
    const zygote = new ZygoteProcess(setup, { uid: takeSandboxUid(), poolSize: 1, once: false, flavour: "numpy" });
    try {
      await zygote.ready;
      const marker = randomBytes(16);
      const transcript = await zygote.run({ load: encodeFrame({ not: "a job" }), cases: encodeFrame({ cases: [] }) }, marker, DEFAULT_LIMITS);
      expectNotGradable(assembleResult(square, transcript), /ended before it started the job[\s\S]*KeyError: 'marker'/);
    } finally {
      await zygote.kill();
      await disposeSandbox(setup);
    }
  });

  it("reports a job whose sandbox was killed under it, then starts a new sandbox for the next job", async () => {
    const runner = startRunner({ poolSize: 2 });
    expect(returnedValue(await runner.run(square))).toMatchObject({ data: Float64Array.of(9) });
    const pending = runner.run(nap);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [zygote] = listZygotes();
    expect(zygote).toBeDefined();
    process.kill(zygote!.pid, "SIGKILL");
    expectNotGradable(await pending, /sandbox exited unexpectedly/);
    expect(returnedValue(await runner.run(square))).toMatchObject({ data: Float64Array.of(9) });
    expect(listZygotes().map((p) => p.pid)).not.toContain(zygote!.pid);
  });
});

describe("lifecycle", () => {
  it("keeps poolSize workers forked and ready", async () => {
    const runner = startRunner({ poolSize: 3 });
    await runner.run(square);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [zygote] = listZygotes();
    expect(listDescendants(zygote!.pid)).toHaveLength(3);
  });

  it("close() answers queued and running jobs as not gradable and leaves no process behind", async () => {
    const runner = startRunner({ poolSize: 1 });
    await runner.run(square);
    const running = runner.run(nap);
    const queued = runner.run(square);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await runner.close();
    expectNotGradable(await running, /closed/);
    expectNotGradable(await queued, /closed/);
    expectNotGradable(await runner.run(square), /closed/);
    expect(listSandboxProcesses()).toEqual([]);
  });

  it("cold mode starts a fresh sandbox per job, gives the same results and cleans up", async () => {
    const cold = startRunner({ mode: "cold", poolSize: 2 });
    const warm = startRunner({ poolSize: 2 });
    const job = makeJob("import numpy as np\ndef f(n):\n    return np.arange(n) ** 2\n", [{ args: [4] }, { args: [0] }]);
    const [fromCold, fromWarm] = await Promise.all([cold.run(job), warm.run(job)]);
    expect(fromCold.gradable && fromCold.cases).toEqual(fromWarm.gradable && fromWarm.cases.map((c) => ({ ...c, timeMs: expect.any(Number) })));
    expect(returnedValue(fromCold)).toMatchObject({ data: Float64Array.of(0, 1, 4, 9) });
  });
});
