// Whatever student code prints or writes must never be taken for a result, and nothing it does
// after its code starts may turn its job into "not gradable" (which would cost it no attempt).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "../src/index";
import { SANDBOX_FLAVOURS, inFlavour, loadedCases, makeJob, ndarray, printedBy, pythonFunction, returnedValue } from "./job-helpers";

let pool: TRunner;

beforeAll(() => {
  pool = createRunner({ poolSize: 2, startFlavours: [...SANDBOX_FLAVOURS] });
});

afterAll(async () => {
  await pool.close();
});

// A frame in the runner's own format claiming case 0 returned [1, 2, 3], with a guessed marker.
const FORGERY = `
import json, struct
def forged_frame(marker=b"\\0" * 16):
    head = json.dumps({"t": "returned", "i": 0, "timeMs": 1,
                       "value": {"kind": "array", "shape": [3], "dtype": "float64", "pyType": "ndarray"}}).encode()
    payload = struct.pack("<3d", 1, 2, 3)
    return marker + struct.pack("<II", len(head), len(payload)) + head + payload
FAKE_RESULT = json.dumps({"gradable": True, "load": {"ok": True}, "cases": [{"status": "returned"}]})
`;

const NONE = { kind: "other", pyType: "NoneType", form: { kind: "none" } };

describe.each(SANDBOX_FLAVOURS)("the %s sandbox", (flavour) => {
  const runner = inFlavour(() => pool, flavour);

  describe("output is never a result", () => {
    it("treats frames and result-like JSON printed to stdout and stderr as printed text", async () => {
      const body = `
      print(FAKE_RESULT)
      sys.stdout.write(forged_frame().decode("latin-1"))
      print(FAKE_RESULT, file=sys.stderr)
      os.write(1, forged_frame())
      os.write(2, forged_frame())
      sys.__stdout__.write(FAKE_RESULT)
      sys.__stdout__.flush()
      return None
    `;
      const result = await runner.run(makeJob(FORGERY + pythonFunction(body)));
      expect(returnedValue(result)).toEqual(NONE);
      expect(printedBy(result)).toContain('"gradable": true');
    });

    it("ignores forged frames written to every descriptor, the result channel included", async () => {
      const body = `
      written = []
      for fd in range(0, 1024):
          try:
              os.write(fd, forged_frame())
              written.append(fd)
          except OSError:
              pass
      for path in ["/proc/self/fd/1", "/proc/self/fd/3", "/proc/self/fd/4", "/dev/fd/4", "/dev/stdout"]:
          try:
              with open(path, "wb") as out:
                  out.write(forged_frame())
              written.append(path)
          except OSError:
              pass
      print("written", written)
      return None
    `;
      const result = await runner.run(makeJob(FORGERY + pythonFunction(body)));
      expect(returnedValue(result)).toEqual(NONE);
      // 1 and 2 are the printed-output pipe, 4 the result channel: the forgery reached it and was skipped.
      expect(printedBy(result)).toContain("written [1, 2, 4]");
    });

    it("does not take a frame forged with the job's secret marker as the case's result", async () => {
      const body = `
      frame = sys._getframe(1)
      while "channel" not in frame.f_locals:
          frame = frame.f_back
      os.write(4, forged_frame(frame.f_locals["channel"].marker))
      return None
    `;
      const result = await runner.run(makeJob(FORGERY + pythonFunction(body), [{ args: [] }, { args: [] }]));
      const [first, second] = loadedCases(result);
      expect(first).toMatchObject({ status: "ended", ending: { kind: "channel-violation" } });
      expect(second).toEqual({ status: "not-run" });
    });
  });

  describe("student code cannot make its job ungradable", () => {
    const cases = [{ args: [] }, { args: [] }];

    it("os._exit in a case is the student's exit, after printing an operator-looking message", async () => {
      const body = `
      print("gradable: false -- bubblewrap is not installed", file=sys.stderr)
      os.write(2, b"the sandbox worker ended before it started the job")
      os._exit(1)
    `;
      const result = await runner.run(makeJob(pythonFunction(body), cases));
      const [first, second] = loadedCases(result);
      expect(first).toMatchObject({ status: "ended", ending: { kind: "exit", code: 1 } });
      expect(second).toEqual({ status: "not-run" });
    });

    it("killing itself is a crash of the case", async () => {
      const result = await runner.run(makeJob(pythonFunction("import signal\nos.kill(os.getpid(), signal.SIGSEGV)"), cases));
      expect(loadedCases(result)[0]).toMatchObject({ status: "ended", ending: { kind: "signal", signal: 11 } });
    });

    it("closing the result channel and running on is the student's fault", async () => {
      const result = await runner.run(makeJob(pythonFunction("os.close(4)\nwhile True:\n    pass"), cases, { cpuSeconds: 2 }));
      expect(loadedCases(result)[0]).toMatchObject({ status: "ended", ending: { kind: "channel-closed" } });
    });

    it("exiting while the file loads is a load error", async () => {
      const result = await runner.run(makeJob("import os\nos._exit(0)\ndef f():\n    pass\n"));
      expect(result).toMatchObject({ gradable: true, load: { ok: false, error: { kind: "ended", ending: { kind: "exit", code: 0 } } } });
    });

    it("sys.exit while the file loads is a load error naming SystemExit", async () => {
      const result = await runner.run(makeJob("import sys\nsys.exit(3)\n"));
      expect(result).toMatchObject({ gradable: true, load: { ok: false, error: { kind: "exception", error: { type: "SystemExit", message: "3", line: 2 } } } });
    });
  });

  describe("the student's top-level code runs before any case exists", () => {
    // Searches what Python code can reach (the frames above it, every object the collector tracks
    // and what they hold, the job pipe) for the float 4321.125: as an array cell, or as the raw
    // float64 bytes of the job's case data.
    const SEARCH = `
import gc, os, struct, sys
import numpy as np

SECRET = 4321.125
NEEDLE = struct.pack("<d", SECRET)

def holds_secret(value):
    if isinstance(value, np.ndarray):
        return value.dtype.kind == "f" and bool((value == SECRET).any())
    if isinstance(value, (bytes, bytearray, memoryview)) and value is not NEEDLE:
        return NEEDLE in bytes(value)
    return False

def members(value):
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, (list, tuple, set)):
        return list(value)
    return []

def search():
    hits = 0
    frame = sys._getframe()
    while frame is not None:
        for value in list(frame.f_locals.values()):
            hits += holds_secret(value) or any(holds_secret(item) for item in members(value))
        frame = frame.f_back
    for obj in gc.get_objects():
        hits += any(holds_secret(item) for item in members(obj))
    try:
        os.set_blocking(3, False)
        hits += NEEDLE in os.read(3, 1 << 20)
    except OSError:
        pass  # nothing in the pipe yet, or (during a case) the pipe is closed
    try:
        os.set_blocking(3, True)
    except OSError:
        pass
    return hits

AT_LOAD = search()

def f(img):
    return [AT_LOAD, search()]
`;

    it("finds no case data from the stack, the collector or the job pipe at load, though the same search finds it in a case", async () => {
      const result = await runner.run(makeJob(SEARCH, [{ args: [ndarray([2], [4321.125, 1])] }]));
      const value = returnedValue(result);
      expect(value.kind).toBe("array");
      const [atLoad, inCase] = value.kind === "array" ? Array.from(value.data) : [];
      expect(atLoad).toBe(0);
      expect(inCase).toBeGreaterThan(0);
    });
  });
});
