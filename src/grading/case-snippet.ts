// "Copy this case": one grading case as a runnable numpy script (its inputs as np.array literals,
// the call as the grader made it, the expected output and the check), so a student can reproduce
// a failing case on their own machine. The case is rebuilt from the exercise and the seed, as
// regrading does; callers decide whether the viewer may see the case's data.
import type { NdArray, TCaseInput, TRunnerValue } from "@runner";
import type { TTolerance } from "./compare-output";
import { getExerciseDefinition, readExerciseFile, readExerciseMeta } from "./exercise-files";
import type { TOutputPart } from "./output-parts";
import type { TGradingMode } from "./result-schema";

/** Python for one number: the shortest text that reads back as the same float64. */
function formatPythonNumber(value: number): string {
  if (Number.isNaN(value)) return "np.nan";
  if (!Number.isFinite(value)) return value > 0 ? "np.inf" : "-np.inf";
  return Object.is(value, -0) ? "-0.0" : String(value);
}

function formatNestedList(array: NdArray, indent: string): string {
  const { shape, data } = array;
  if (shape.length === 0) return formatPythonNumber(data[0]);
  const build = (axis: number, offset: number, pad: string): string => {
    const size = shape[axis];
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    if (axis === shape.length - 1) {
      return `[${Array.from({ length: size }, (_, i) => formatPythonNumber(data[offset + i])).join(", ")}]`;
    }
    const inner = Array.from({ length: size }, (_, i) => build(axis + 1, offset + i * stride, `${pad} `));
    return `[${inner.join(`,\n${pad} `)}]`;
  };
  return build(0, 0, indent);
}

/** An ndarray as np.array(...), its nested rows one per line; the reshape keeps empty axes. */
export function formatNdArray(array: NdArray, indent = ""): string {
  const literal = formatNestedList(array, `${indent}         `);
  const isEmpty = array.shape.includes(0);
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(", ")})`;
  return isEmpty ? `np.zeros(${shape})` : `np.array(${literal}, dtype=np.float64)`;
}

/** A runner argument as the Python value the sandbox passes (JS arrays arrive as tuples). */
export function formatPythonValue(value: TRunnerValue, indent = ""): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : formatPythonNumber(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 1 ? `(${formatPythonValue(value[0])},)` : `(${value.map((item) => formatPythonValue(item)).join(", ")})`;
  if (value.kind === "ndarray" && value.data instanceof Float64Array) return formatNdArray(value as NdArray, indent);
  // one entry a line, so that each array's rows line up under its first
  const entries = Object.entries(value as Record<string, TRunnerValue>).map(([key, item]) => {
    const head = `${JSON.stringify(key)}: `;
    return `${head}${formatPythonValue(item, `${indent} ${" ".repeat(head.length)}`)}`;
  });
  return `{${entries.join(`,\n${indent} `)}}`;
}

/** The positional parameter names of a signature such as "f(img, kernel, padding=(0, 0))". */
export function readParameterNames(signature: string): string[] {
  const inside = signature.slice(signature.indexOf("(") + 1, signature.lastIndexOf(")"));
  const names: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of `${inside},`) {
    if (char === "," && depth === 0) {
      names.push(current.split("=")[0]!.trim());
      current = "";
      continue;
    }
    if ("([{".includes(char)) depth++;
    if (")]}".includes(char)) depth--;
    current += char;
  }
  return names.filter((name) => /^[A-Za-z_]\w*$/.test(name));
}

/** Arrays and dicts of arrays (cnn_forward's params) are too long to read inside the call. */
const isBulky = (value: TRunnerValue): boolean => typeof value === "object" && value !== null && !Array.isArray(value);

export function formatCaseSnippet(options: {
  functionName: string;
  signature: string;
  caseName: string;
  runnerCase: TCaseInput;
  expected: NdArray;
  output: "floats" | "ints";
  tolerance: TTolerance;
  /** a tuple output's arrays, packed end to end in `expected` */
  parts?: readonly TOutputPart[] | null;
  /** the grader's case code (meta.json "driver"), called with the student's object first */
  driver?: { source: string; functionName: string } | null;
}): string {
  const { functionName, runnerCase, expected } = options;
  const parts = options.parts ?? null;
  const names = readParameterNames(options.signature);
  const assignments: string[] = [];
  // Arrays and dicts get a variable named after their parameter; the rest are written in the call.
  const callArgs = runnerCase.args.map((value, i) => {
    if (!isBulky(value)) return formatPythonValue(value);
    const name = names[i] ?? `arg${i}`;
    assignments.push(`${name} = ${formatPythonValue(value, " ".repeat(name.length + 3))}`);
    return name;
  });
  const callKwargs = Object.entries(runnerCase.kwargs ?? {}).map(([key, value]) => `${key}=${formatPythonValue(value)}`);
  const driver = options.driver ?? null;
  const call = driver
    ? `${driver.functionName}(${[functionName, ...callArgs, ...callKwargs].join(", ")})`
    : `${functionName}(${[...callArgs, ...callKwargs].join(", ")})`;
  const tolerance = options.tolerance;
  // the grader's rule: per array, max|x − y| / max(|x| + |y|), or cell by cell (np.allclose)
  const isClose = (result: string, wanted: string) =>
    options.output === "ints"
      ? `np.array_equal(${result}, ${wanted})`
      : "relativeError" in tolerance
        ? `np.max(np.abs(${result} - ${wanted}), initial=0) <= ${tolerance.relativeError} * max(np.max(np.abs(${result}) + np.abs(${wanted}), initial=0), 1e-300)`
        : `np.allclose(${result}, ${wanted}, rtol=${tolerance.rtol}, atol=${tolerance.atol}, equal_nan=True)`;
  const expectedLines = parts
    ? [
        "expected = (",
        ...parts.map((part) => {
          const array: NdArray = { kind: "ndarray", shape: part.shape, data: expected.data.slice(part.offset, part.offset + part.size) };
          return `    ${formatNdArray(array, "    ")},  # ${part.name}`;
        }),
        ")",
      ]
    : [`expected = ${formatNdArray(expected, " ".repeat("expected = ".length))}`];
  const resultLines = parts
    ? [
        `result = tuple(np.asarray(array, dtype=float) for array in ${call})`,
        `matches = len(result) == len(expected) and all(r.shape == e.shape and ${isClose("r", "e")} for r, e in zip(result, expected))`,
      ]
    : [`result = np.asarray(${call})`, `matches = result.shape == expected.shape and ${isClose("result", "expected")}`];
  return [
    `# ConvLab: ${functionName}, case ${JSON.stringify(options.caseName)}`,
    `# Paste this below your ${functionName} function (or import it), then run the file with python3.`,
    "import numpy as np",
    "",
    ...(driver ? ["# The grader's case code: it builds and calls your " + functionName + " as the grader does.", driver.source.trimEnd(), "", ""] : []),
    ...assignments,
    ...expectedLines,
    "",
    ...resultLines,
    'print("matches:", matches)',
    "if not matches:",
    ...(parts
      ? ['    print("expected", [e.shape for e in expected], "\\n", expected)', '    print("yours", [r.shape for r in result], "\\n", result)']
      : ['    print("expected", expected.shape, "\\n", expected)', '    print("yours", result.shape, "\\n", result)']),
    "",
  ].join("\n");
}

export class CaseNotFoundError extends Error {
  readonly code = "case-not-found";
}

/**
 * The script for case `caseIndex` of a grading with this mode and seed. `caseName` must be the
 * name the stored result gives that case: a mismatch means the exercise's cases changed since.
 */
export async function buildCaseSnippet(options: { exercise: string; mode: TGradingMode; seed: number; caseIndex: number; caseName?: string }): Promise<{ name: string; snippet: string }> {
  const definition = getExerciseDefinition(options.exercise);
  if (!definition) throw new CaseNotFoundError(`Unknown exercise "${options.exercise}"`);
  const meta = await readExerciseMeta(options.exercise);
  const cases = definition.buildCases({
    seed: options.seed,
    count: options.mode === "run" ? meta.cases.sampleCount : meta.cases.hiddenCount,
    generator: meta.cases.generator,
  });
  const gradingCase = cases[options.caseIndex];
  if (!gradingCase || (options.caseName !== undefined && gradingCase.name !== options.caseName)) {
    throw new CaseNotFoundError(`No case ${options.caseIndex} (${options.caseName ?? "any name"}) in ${options.exercise}`);
  }
  const snippet = formatCaseSnippet({
    functionName: meta.functionName,
    signature: meta.signature,
    caseName: gradingCase.name,
    runnerCase: gradingCase.runnerCase,
    expected: gradingCase.expected,
    output: definition.output,
    tolerance: meta.tolerance,
    parts: gradingCase.parts,
    driver: meta.driver ? { source: await readExerciseFile(options.exercise, meta.driver.file), functionName: meta.driver.functionName } : null,
  });
  return { name: gradingCase.name, snippet };
}
