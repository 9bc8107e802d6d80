// Checks the backward passes behind the gradient exercises (src/grading/gradient-ops.ts) against
// PyTorch autograd (Debian's python3-torch, trusted code run outside the sandbox) on 500 random
// problems per exercise, and that the same comparison rejects a reference broken on purpose.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { TPair } from "@/grading/conv-ops";
import { conv2dBackward, countPoolWindows, pool2dBackward, type TConvBackwardProblem, type TPoolBackwardProblem } from "@/grading/gradient-ops";
import { createNdArray, isSameShape, type NdArray } from "@/grading/ndarray";
import { createRandom, drawArray, type TRandom } from "@/grading/seeded-random";

const PYTHON = "/usr/bin/python3";
const PROBLEMS_PER_EXERCISE = 500;

const HARNESS = String.raw`
import json, sys
import torch
import torch.nn.functional as F

def tensor(a, grad=False):
    return torch.tensor(a["data"], dtype=torch.float64).reshape(a["shape"]).requires_grad_(grad)

def plain(t):
    return {"shape": list(t.shape), "data": t.detach().reshape(-1).tolist()}

tasks = json.load(sys.stdin)
results = {"conv": [], "max": [], "avg": []}
for p in tasks["conv"]:
    x, w = tensor(p["features"], True), tensor(p["weights"], True)
    F.conv2d(x[None], w, padding=p["padding"], stride=p["stride"])[0].backward(tensor(p["dout"]))
    results["conv"].append([plain(x.grad), plain(w.grad)])
for mode in ("max", "avg"):
    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
    for p in tasks[mode]:
        x = tensor(p["x"], True)
        pool(x[None], p["kernel"], stride=p["stride"], padding=p["padding"])[0].backward(tensor(p["dout"]))
        results[mode].append([plain(x.grad)])
print(json.dumps(results))
`;

type TPlain = { shape: number[]; data: number[] };
const toPlain = (array: NdArray): TPlain => ({ shape: array.shape, data: Array.from(array.data) });

/** The whole-array relative error: max|x − y| / max(|x| + |y|), 0 for two zero arrays. */
function measureRelativeError(torch: TPlain, reference: NdArray): number {
  if (!isSameShape(torch.shape, reference.shape)) return Infinity;
  let [difference, size] = [0, 0];
  torch.data.forEach((value, k) => {
    difference = Math.max(difference, Math.abs(value - reference.data[k]));
    size = Math.max(size, Math.abs(value) + Math.abs(reference.data[k]));
  });
  return difference === 0 ? 0 : difference / size;
}

/** Half the problems hold small integers, so max-pool windows tie (random decimals rarely do). */
const drawValues = (random: TRandom, shape: number[]) =>
  random.chance(0.5) ? createNdArray(shape, drawArray(random, shape, [0, 1]).data.map((v) => Math.floor(v * 3) - 1)) : drawArray(random, shape, [-2, 2]);

function drawConvProblem(random: TRandom): TConvBackwardProblem {
  const [inChannels, outChannels] = [random.integer(1, 3), random.integer(1, 3)];
  const [rows, cols] = [random.integer(1, 8), random.integer(1, 8)];
  const padding = random.integer(0, 2);
  const kernel = random.integer(1, Math.min(4, Math.min(rows, cols) + 2 * padding));
  const stride = random.integer(1, 3);
  const outRows = Math.floor((rows + 2 * padding - kernel) / stride) + 1;
  const outCols = Math.floor((cols + 2 * padding - kernel) / stride) + 1;
  return {
    features: drawArray(random, [inChannels, rows, cols], [-2, 2]),
    weights: drawArray(random, [outChannels, inChannels, kernel, kernel], [-1, 1]),
    dout: drawArray(random, [outChannels, outRows, outCols], [-1, 1]),
    padding,
    stride,
  };
}

function drawPoolProblem(random: TRandom, mode: TPoolBackwardProblem["mode"]): TPoolBackwardProblem {
  const shape = [random.integer(1, 2), random.integer(1, 9), random.integer(1, 9)];
  const kernel: TPair = [random.integer(1, Math.min(4, shape[1])), random.integer(1, Math.min(4, shape[2]))];
  const padding: TPair = [random.integer(0, Math.floor(kernel[0] / 2)), random.integer(0, Math.floor(kernel[1] / 2))];
  const stride: TPair | null = random.chance(0.3) ? null : [random.integer(1, 3), random.integer(1, 3)];
  const x = drawValues(random, shape);
  const [outRows, outCols] = countPoolWindows(x, kernel, stride, padding)!;
  return { x, kernel, stride, padding, mode, dout: drawArray(random, [shape[0], outRows, outCols], [-1, 1]) };
}

const isTorchInstalled = spawnSync(PYTHON, ["-c", "import torch"]).status === 0;

describe("the gradient references agree with PyTorch autograd", () => {
  const random = createRandom(18);
  const conv = Array.from({ length: PROBLEMS_PER_EXERCISE }, () => drawConvProblem(random));
  const max = Array.from({ length: PROBLEMS_PER_EXERCISE }, () => drawPoolProblem(random, "max"));
  const avg = Array.from({ length: PROBLEMS_PER_EXERCISE }, () => drawPoolProblem(random, "average"));
  const computeTorch = (): Record<"conv" | "max" | "avg", TPlain[][]> => {
    const payload = {
      conv: conv.map((p) => ({ ...p, dout: toPlain(p.dout), features: toPlain(p.features), weights: toPlain(p.weights) })),
      ...Object.fromEntries(
        (["max", "avg"] as const).map((mode) => [
          mode,
          (mode === "max" ? max : avg).map((p) => ({ x: toPlain(p.x), dout: toPlain(p.dout), kernel: p.kernel, stride: p.stride, padding: p.padding })),
        ]),
      ),
    };
    const run = spawnSync(PYTHON, ["-c", HARNESS], { input: JSON.stringify(payload), maxBuffer: 1 << 28, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  /** Problems where `solve` is further from torch than float64 rounding allows. */
  const countMismatches = <P>(problems: P[], torch: TPlain[][], solve: (problem: P) => NdArray[]) =>
    problems.filter((problem, i) => solve(problem).some((array, k) => !(measureRelativeError(torch[i][k], array) <= 1e-12))).length;

  it.runIf(isTorchInstalled)("matches on 500 problems per exercise, and a broken reference does not", () => {
    const torch = computeTorch();
    expect(countMismatches(conv, torch.conv, (p) => conv2dBackward(p))).toBe(0);
    expect(countMismatches(max, torch.max, (p) => [pool2dBackward(p)])).toBe(0);
    expect(countMismatches(avg, torch.avg, (p) => [pool2dBackward(p)])).toBe(0);

    // the same comparison on references broken on purpose: it must notice
    expect(countMismatches(conv, torch.conv, (p) => conv2dBackward(p, { isKernelFlipped: true }))).toBeGreaterThan(100);
    expect(countMismatches(conv, torch.conv, (p) => conv2dBackward(p, { isOverwriting: true }))).toBeGreaterThan(100);
    expect(countMismatches(max, torch.max, (p) => [pool2dBackward(p, { maxRoute: "last-max" })])).toBeGreaterThan(20);
    expect(countMismatches(avg, torch.avg, (p) => [pool2dBackward(p, { isDivisorRealCells: true })])).toBeGreaterThan(20);
  });
});
