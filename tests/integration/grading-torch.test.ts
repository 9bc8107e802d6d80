// Checks the trusted TypeScript references against PyTorch (Debian's python3-torch, trusted code
// run outside the sandbox): every exercise's cases, edge and random over several seeds, go
// through exercises/<slug>/torch-reference.py and must match reference.ts to float64 precision
// (a tuple of arrays packed end to end).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TRunnerValue } from "@runner";
import { getExerciseDefinition, getExercisesDir, listExerciseSlugs, readExerciseMeta } from "@/grading/exercise-files";
import { isSameShape } from "@/grading/ndarray";
import { formatShape } from "@/grading/result-format";

const PYTHON = "/usr/bin/python3";
const SEEDS = [1, 2, 3, 4, 5];

// Decodes the cases the way the runner delivers them (arrays as tuples, NdArray as float64) and
// prints each torch result as {shape, data}.
const HARNESS = String.raw`
import importlib.util, json, sys
import numpy as np

def decode(value):
    if isinstance(value, dict) and "__ndarray__" in value:
        return np.array(value["data"], dtype=np.float64).reshape(value["__ndarray__"])
    if isinstance(value, list):
        return tuple(decode(item) for item in value)
    if isinstance(value, dict):
        return {key: decode(item) for key, item in value.items()}
    return value

results = {}
for slug, task in json.load(sys.stdin).items():
    spec = importlib.util.spec_from_file_location("torch_reference", task["file"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    function = getattr(module, task["functionName"])
    outputs = []
    for case in task["cases"]:
        out = function(*decode(case["args"]), **decode(case.get("kwargs", {})))
        # several arrays (gradients) are packed end to end, as the grader packs the reference's
        if isinstance(out, tuple):
            out = np.concatenate([np.asarray(part, dtype=np.float64).ravel() for part in out])
        out = np.asarray(out, dtype=np.float64)
        outputs.append({"shape": list(out.shape), "data": out.ravel().tolist()})
    results[slug] = outputs
print(json.dumps(results))
`;

function encode(value: TRunnerValue): unknown {
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === "object") {
    if (value.kind === "ndarray" && value.data instanceof Float64Array) {
      return { __ndarray__: value.shape, data: Array.from(value.data) };
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item as TRunnerValue)]));
  }
  return value;
}

const isTorchInstalled = spawnSync(PYTHON, ["-c", "import torch"]).status === 0;

describe("the TypeScript references agree with PyTorch", async () => {
  const tasks = await Promise.all(
    listExerciseSlugs().map(async (slug) => {
      const meta = await readExerciseMeta(slug);
      const definition = getExerciseDefinition(slug)!;
      const cases = SEEDS.flatMap((seed) =>
        definition.buildCases({ seed, count: meta.cases.hiddenCount, generator: meta.cases.generator }).map((gradingCase) => ({
          ...gradingCase,
          name: `seed ${seed}, ${gradingCase.name}`,
        })),
      );
      return { slug, functionName: meta.functionName, cases };
    }),
  );

  it("finds PyTorch (apt-get install -y python3-torch)", () => {
    expect(isTorchInstalled, `${PYTHON} cannot import torch: install Debian's python3-torch`).toBe(true);
  });

  it.runIf(isTorchInstalled)("on every exercise's edge and random cases", () => {
    const payload = Object.fromEntries(
      tasks.map(({ slug, functionName, cases }) => [
        slug,
        {
          file: path.join(getExercisesDir(), slug, "torch-reference.py"),
          functionName,
          cases: cases.map(({ runnerCase }) => ({ args: encode(runnerCase.args), kwargs: encode(runnerCase.kwargs ?? {}) })),
        },
      ]),
    );
    const run = spawnSync(PYTHON, ["-c", HARNESS], { input: JSON.stringify(payload), maxBuffer: 1 << 28, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const results: Record<string, { shape: number[]; data: number[] }[]> = JSON.parse(run.stdout);

    let compared = 0;
    for (const { slug, cases } of tasks) {
      cases.forEach(({ name, expected }, i) => {
        const torch = results[slug][i];
        const where = `${slug}, ${name}`;
        expect(isSameShape(torch.shape, expected.shape), `${where}: torch ${formatShape(torch.shape)}, reference ${formatShape(expected.shape)}`).toBe(true);
        torch.data.forEach((value, k) => {
          expect(Math.abs(value - expected.data[k]), `${where}, flat index ${k}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
        });
        compared++;
      });
    }
    expect(compared).toBe(tasks.reduce((sum, task) => sum + task.cases.length, 0));
  });
});
