// The runner's contract through the real sandbox: how arguments arrive in Python, how return
// values, exceptions, load errors and printed output come back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "../src/index";
import { loadedCases, makeJob, ndarray, printedBy, returnedValue } from "./job-helpers";

let runner: TRunner;

beforeAll(() => {
  runner = createRunner({ poolSize: 2 });
});

afterAll(async () => {
  await runner.close();
});

const runCase = (source: string, args: unknown[] = [], kwargs?: Record<string, unknown>) =>
  runner.run(makeJob(source, [{ args, kwargs } as never]));

describe("arguments", () => {
  it("arrive as numpy float64 arrays, ints, floats, tuples, dicts, strings, booleans and None", async () => {
    const source = `
import numpy as np
def f(*args, **kwargs):
    for value in args + tuple(kwargs.values()):
        print(type(value).__name__, getattr(value, "dtype", ""), repr(value) if not isinstance(value, (np.ndarray, dict)) else "")
    print(sorted(kwargs["params"]), kwargs["params"]["w"].shape)
`;
    const params = { w: ndarray([2, 2], [1, 2, 3, 4]), b: ndarray([2], [0, 1]) };
    const result = await runCase(source, [ndarray([2, 3], [1, 2, 3, 4, 5, 6]), 3, 2.5, [1, [2, 3]], "same", true, null, Number.NaN, -Infinity], { params });
    expect(printedBy(result).split("\n")).toEqual([
      "ndarray float64 ",
      "int  3",
      "float  2.5",
      "tuple  (1, (2, 3))",
      "str  'same'",
      "bool  True",
      "NoneType  None",
      "float  nan",
      "float  -inf",
      "dict  ",
      "['b', 'w'] (2, 2)",
      "",
    ]);
  });

  it("gives every case its own writable copy of the arrays", async () => {
    const source = "def f(a):\n    total = a.sum()\n    a[:] = -1\n    return total\n";
    const shared = ndarray([3], [1, 2, 3]);
    const result = await runner.run(makeJob(source, [{ args: [shared] }, { args: [shared] }]));
    const [first, second] = loadedCases(result);
    expect(first).toMatchObject({ status: "returned", value: { data: Float64Array.of(6) } });
    expect(second).toMatchObject({ status: "returned", value: { data: Float64Array.of(6) } });
    expect(Array.from(shared.data)).toEqual([1, 2, 3]);
  });
});

describe("return values", () => {
  it("returns arrays as float64 data with shape, dtype and Python type, NaN and infinities intact", async () => {
    const source = "import numpy as np\ndef f(a):\n    return (a * 2).astype(np.float32) / np.array([1, 0, 0, 1], dtype=np.float32).reshape(2, 2)\n";
    const value = returnedValue(await runCase(source, [ndarray([2, 2], [1, 2, -3, Number.NaN])]));
    expect(value).toMatchObject({ kind: "array", shape: [2, 2], dtype: "float32", pyType: "ndarray" });
    expect(Array.from(value.kind === "array" ? value.data : [])).toEqual([2, Infinity, -Infinity, Number.NaN]);
  });

  it("returns a tuple of ints as an int64 array from a tuple (conv-output-shape)", async () => {
    const value = returnedValue(await runCase("def f(shape, k):\n    return (shape[0] - k + 1, shape[1] - k + 1)\n", [[5, 7], 3]));
    expect(value).toEqual({ kind: "array", shape: [2], data: Float64Array.of(3, 5), dtype: "int64", pyType: "tuple" });
  });

  it("returns Python scalars and nested lists as arrays", async () => {
    expect(returnedValue(await runCase("def f():\n    return 2.5\n"))).toMatchObject({ shape: [], dtype: "float64", pyType: "float" });
    expect(returnedValue(await runCase("def f():\n    return [[1, 2], [3, 4]]\n"))).toMatchObject({ shape: [2, 2], pyType: "list" });
  });

  it("returns a tuple or list of arrays of different shapes as several arrays, in order", async () => {
    const source = "import numpy as np\ndef f():\n    return (np.ones((2, 3), dtype=np.float32), [1, 2], 7)\n";
    expect(returnedValue(await runCase(source))).toEqual({
      kind: "arrays",
      pyType: "tuple",
      items: [
        { shape: [2, 3], data: new Float64Array(6).fill(1), dtype: "float32", pyType: "ndarray" },
        { shape: [2], data: Float64Array.of(1, 2), dtype: "int64", pyType: "list" },
        { shape: [], data: Float64Array.of(7), dtype: "int64", pyType: "int" },
      ],
    });
    const shapes = "def f():\n    return [(1, 16, 14, 14), (1, 3136), (1, 10)]\n";
    expect(returnedValue(await runCase(shapes))).toMatchObject({ kind: "arrays", pyType: "list", items: [{ shape: [4] }, { shape: [2] }, { shape: [2] }] });
  });

  it.each([
    ["None", { kind: "none" }, "NoneType"],
    ["'abc'", { kind: "scalar", repr: "'abc'" }, "str"],
    ["[[1, [2]], [3]]", { kind: "ragged" }, "list"],
    ["[[1, 2], None]", { kind: "ragged" }, "list"],
    ["{'a': 1}", { kind: "dict", keys: "['a']" }, "dict"],
    ["[1, None]", { kind: "non-number", shape: [2], item: "None", itemType: "NoneType" }, "list"],
    ["['a', 'b']", { kind: "strings", shape: [2] }, "list"],
    ["[1j, 2]", { kind: "complex", shape: [2] }, "list"],
    ["print", { kind: "scalar", repr: "<built-in function print>" }, "builtin_function_or_method"],
  ])("describes a returned %s as data", async (expression, form, pyType) => {
    expect(returnedValue(await runCase(`def f():\n    return ${expression}\n`))).toEqual({ kind: "other", pyType, form });
  });
});

describe("exceptions", () => {
  it("trims the traceback to the student's own lines and names the innermost one", async () => {
    const source = "import numpy as np\n\ndef helper(a):\n    return a @ np.ones((5, 5))\n\ndef f(a):\n    return helper(a)\n";
    const outcome = loadedCases(await runCase(source, [ndarray([2, 3], [1, 2, 3, 4, 5, 6])]))[0]!;
    expect(outcome.status).toBe("raised");
    if (outcome.status !== "raised") return;
    expect(outcome.error).toMatchObject({ type: "ValueError", line: 4 });
    expect(outcome.error.traceback).toContain('File "submission.py", line 7, in f');
    expect(outcome.error.traceback).toContain('File "submission.py", line 4, in helper');
    expect(outcome.error.traceback).not.toMatch(/runner|worker\.py|numpy/);
  });

  it("reports a call with the wrong arguments without a student line", async () => {
    const outcome = loadedCases(await runCase("def f(a):\n    return a\n", [1, 2]))[0]!;
    expect(outcome).toMatchObject({ status: "raised", error: { type: "TypeError", line: null } });
  });

  it("clips a huge message and a long exception name instead of losing the result", async () => {
    const name = "E".repeat(300);
    const source = `class ${name}(Exception):\n    pass\ndef f():\n    raise ${name}("é" * 100_000)\n`;
    const outcome = loadedCases(await runCase(source))[0]!;
    expect(outcome).toMatchObject({ status: "raised", error: { line: 4 } });
    expect(outcome.status === "raised" && [outcome.error.type.length, outcome.error.message.length]).toEqual([100, 2000]);
  });

  it("keeps the last frames of a runaway recursion", async () => {
    const outcome = loadedCases(await runCase("def f(n=0):\n    return f(n + 1)\n"))[0]!;
    expect(outcome).toMatchObject({ status: "raised", error: { type: "RecursionError", line: 2 } });
    expect(outcome.status === "raised" && outcome.error.traceback).toContain("earlier frames");
  });
});

describe("load errors", () => {
  const loadError = async (source: string, functionName = "f") => {
    const result = await runner.run({ ...makeJob(source), functionName });
    if (!result.gradable || result.load.ok) throw new Error(`expected a load error: ${JSON.stringify(result)}`);
    expect(result.cases).toEqual([]);
    return result.load.error;
  };

  it("gives a syntax error with its line number", async () => {
    const error = await loadError("def f(:\n    pass\n");
    expect(error).toMatchObject({ kind: "syntax", error: { type: "SyntaxError", line: 1 } });
    const indentation = await loadError("def f():\n    x = 1\n      y = 2\n");
    expect(indentation).toMatchObject({ kind: "syntax", error: { type: "IndentationError", line: 3, message: "unexpected indent" } });
  });

  it("names a missing function and suggests a close name", async () => {
    const error = await loadError("def conv_2d(x):\n    return x\n", "conv2d");
    expect(error).toEqual({ kind: "missing-function", suggestion: "conv_2d" });
  });

  it("says when the name is not a function", async () => {
    expect(await loadError("f = 3\n")).toEqual({ kind: "not-callable", pyType: "int" });
  });

  it("reports an unavailable module as an import error", async () => {
    const error = await loadError("import tensorflow_that_is_not_installed\ndef f():\n    pass\n");
    expect(error).toMatchObject({
      kind: "import",
      error: { type: "ModuleNotFoundError", line: 1, message: "No module named 'tensorflow_that_is_not_installed'" },
    });
  });

  it("reports an exception at the top level with its line and what was printed", async () => {
    const error = await loadError("print('loading')\nx = 1 / 0\ndef f():\n    pass\n");
    expect(error).toMatchObject({ kind: "exception", error: { type: "ZeroDivisionError", line: 2 }, stdout: "loading\n" });
  });

  it("reports a top-level infinite loop as a load timeout", async () => {
    const result = await runner.run(makeJob("while True:\n    pass\n", [{ args: [] }], { cpuSeconds: 1 }));
    expect(result).toMatchObject({ gradable: true, load: { ok: false, error: { kind: "timeout", limit: "cpu", limitSeconds: 1 } } });
  });
});

describe("printed output", () => {
  it("belongs to the case that printed it; top-level output goes to the first case", async () => {
    const source = "print('module')\ndef f(n):\n    print('case', n)\n    return n\n";
    const result = await runner.run(makeJob(source, [{ args: [1] }, { args: [2] }]));
    expect(loadedCases(result).map((c) => (c.status === "returned" ? c.stdout : null))).toEqual(["module\ncase 1\n", "case 2\n"]);
    expect(result.gradable && result.outputTruncated).toBe(false);
  });

  it("keeps what a case printed before it timed out", async () => {
    const source = "def f():\n    print('started', flush=True)\n    while True:\n        pass\n";
    const result = await runner.run(makeJob(source, [{ args: [] }], { cpuSeconds: 1 }));
    expect(loadedCases(result)[0]).toMatchObject({ status: "timeout", stdout: "started\n" });
  });

  it("is capped at outputBytes for the whole job", async () => {
    const source = "def f(n):\n    print('x' * 600)\n    return n\n";
    const result = await runner.run(makeJob(source, [{ args: [1] }, { args: [2] }], { outputBytes: 1000 }));
    const printed = loadedCases(result).map((c) => (c.status === "returned" ? c.stdout : ""));
    expect(printed[0]).toBe(`${"x".repeat(600)}\n`);
    expect(printed[1]).toBe("x".repeat(399));
    expect(result.gradable && result.outputTruncated).toBe(true);
  });
});

describe("workers", () => {
  it("never reuses a worker: state left by one job is gone in the next", async () => {
    const leave = "import numpy as np, sys\ndef f():\n    np.left_behind = 1\n    sys.modules['math'].left_behind = 1\n    return 0\n";
    const look = "import numpy as np, math\ndef f():\n    return int(hasattr(np, 'left_behind')) + int(hasattr(math, 'left_behind'))\n";
    for (let i = 0; i < 4; i++) expect(returnedValue(await runCase(leave))).toMatchObject({ data: Float64Array.of(0) });
    expect(returnedValue(await runCase(look))).toMatchObject({ data: Float64Array.of(0) });
  });

  it("runs more jobs at once than the pool holds, each one correctly", async () => {
    const source = "def f(n):\n    return n * n\n";
    const results = await Promise.all(Array.from({ length: 12 }, (_, n) => runCase(source, [n])));
    expect(results.map((r) => Array.from((returnedValue(r) as { data: Float64Array }).data))).toEqual(
      Array.from({ length: 12 }, (_, n) => [n * n]),
    );
  });

  it("gives each job fresh random numbers", async () => {
    const source = "import numpy as np\ndef f():\n    return np.random.rand(3)\n";
    const [a, b] = await Promise.all([runCase(source), runCase(source)]);
    expect((returnedValue(a) as { data: Float64Array }).data).not.toEqual((returnedValue(b) as { data: Float64Array }).data);
  });
});
