// The cases each exercise generates: reproducible from the seed, valid for PyTorch, and covering
// the situations the issue asks for in every Submit (edge cases plus one seed's random cases).
import { describe, expect, it } from "vitest";
import { judgeCase } from "@/grading/case-feedback";
import { toPair } from "@/grading/conv-ops";
import type { TGradingCase } from "@/grading/exercise-definition";
import { readExerciseMeta } from "@/grading/exercise-files";
import type { TCaseParams } from "@/grading/result-format";
import { inChinese, inEnglish, mapReturnedValues, returnedOutcome } from "@/grading/test-helpers";
import { EXERCISE_DEFINITIONS } from "./index";

const SEEDS = [1, 2, 3, 4, 5];
const HAN = /\p{Script=Han}/u;

async function buildSubmit(slug: string, seed: number): Promise<TGradingCase[]> {
  const meta = await readExerciseMeta(slug);
  return EXERCISE_DEFINITIONS[slug].buildCases({ seed, count: meta.cases.hiddenCount, generator: meta.cases.generator });
}

const shapeOf = (params: TCaseParams, key: string) => params[key] as number[];
const pairOf = (params: TCaseParams, key: string) => toPair(params[key] as number | number[]);

/** Height/width geometry of one case, whatever the exercise calls its arguments. */
function readGeometry(params: TCaseParams) {
  const image = shapeOf(params, ["img.shape", "features.shape", "x.shape"].find((key) => key in params)!).slice(-2);
  const kernel = "kernel_size" in params ? pairOf(params, "kernel_size") : shapeOf(params, "kernel.shape" in params ? "kernel.shape" : "weights.shape").slice(-2);
  const padding = pairOf(params, "padding");
  const stride = params.stride === null ? kernel : pairOf(params, "stride");
  return { image, kernel, padding, stride };
}

describe.each(Object.keys(EXERCISE_DEFINITIONS))("cases of %s", (slug) => {
  it("are the same for the same seed and differ for another seed", async () => {
    const [first, again, other] = await Promise.all([buildSubmit(slug, 7), buildSubmit(slug, 7), buildSubmit(slug, 8)]);
    expect(again.map((c) => c.runnerCase)).toEqual(first.map((c) => c.runnerCase));
    expect(other.map((c) => c.runnerCase)).not.toEqual(first.map((c) => c.runnerCase));
    expect(new Set(first.map((c) => c.name)).size).toBe(first.length);
  });
});

describe.each(Object.keys(EXERCISE_DEFINITIONS))("Simplified Chinese of %s cases", (slug) => {
  it.each(SEEDS)("names every case in Chinese, each differently (seed %i)", async (seed) => {
    const cases = await buildSubmit(slug, seed);
    for (const { name, title } of cases) {
      expect(inEnglish(title)).toBe(name);
      expect(inChinese(title), name).toMatch(HAN);
    }
    expect(new Set(cases.map((c) => inChinese(c.title))).size).toBe(cases.length);
  });

  it.each(SEEDS)("labels every heatmap of a failing case in Chinese too (seed %i)", async (seed) => {
    const meta = await readExerciseMeta(slug);
    const output = EXERCISE_DEFINITIONS[slug].output;
    for (const gradingCase of await buildSubmit(slug, seed)) {
      const wrong = mapReturnedValues(gradingCase.expected, (value) => value);
      wrong.data[0] += 1 + Math.abs(wrong.data[0]);
      const { detail } = judgeCase({ gradingCase, outcome: returnedOutcome(wrong), points: 1, tolerance: meta.tolerance, output }).result;
      // only exercises whose output cells come from input windows draw heatmaps (not the shape one)
      expect(detail === null).toBe(gradingCase.locate === null);
      if (!detail) continue;
      const heatmaps = [...detail.input, detail.expected, ...(detail.actual ? [detail.actual] : [])];
      expect(heatmaps.length).toBeGreaterThan(2);
      for (const { label } of heatmaps) {
        expect(inChinese(label), inEnglish(label)).toMatch(HAN);
        expect(inChinese(label)).not.toBe(inEnglish(label));
      }
    }
  });
});

describe.each(["convolution", "convolution-v2", "conv2d", "max-pool2d", "avg-pool2d"])("geometry of %s cases", (slug) => {
  it.each(SEEDS)("covers the edge situations in one Submit (seed %i)", async (seed) => {
    const geometries = (await buildSubmit(slug, seed)).map((c) => readGeometry(c.params));
    const some = (test: (g: (typeof geometries)[number]) => boolean) => geometries.some(test);
    expect(some(({ image }) => image[0] !== image[1])).toBe(true);
    expect(some(({ image }) => image[0] === image[1])).toBe(true);
    expect(some(({ padding }) => padding[0] === 0)).toBe(true);
    expect(some(({ padding }) => padding[0] > 0)).toBe(true);
    expect(some(({ kernel }) => kernel[0] === 1)).toBe(true);
    expect(some(({ image, kernel, padding }) => kernel[0] === image[0] + 2 * padding[0])).toBe(true);
    expect(some(({ image, kernel, padding, stride }) => (image[0] + 2 * padding[0] - kernel[0]) % stride[0] !== 0)).toBe(true);
    expect(some(({ image, kernel, padding, stride }) => stride[0] > 1 && (image[0] + 2 * padding[0] - kernel[0]) % stride[0] === 0)).toBe(true);
  });

  it("always fits the kernel in the padded input", async () => {
    for (const seed of SEEDS) {
      for (const { image, kernel, padding } of (await buildSubmit(slug, seed)).map((c) => readGeometry(c.params))) {
        expect(kernel[0]).toBeLessThanOrEqual(image[0] + 2 * padding[0]);
        expect(kernel[1]).toBeLessThanOrEqual(image[1] + 2 * padding[1]);
      }
    }
  });
});

describe.each(["max-pool2d", "avg-pool2d"])("pooling cases of %s", (slug) => {
  it("keep padding within half the kernel, as PyTorch requires, and use every stride form", async () => {
    const cases = (await Promise.all(SEEDS.map((seed) => buildSubmit(slug, seed)))).flat();
    for (const { params } of cases) {
      const kernel = pairOf(params, "kernel_size");
      const padding = pairOf(params, "padding");
      expect(padding[0]).toBeLessThanOrEqual(Math.floor(kernel[0] / 2));
      expect(padding[1]).toBeLessThanOrEqual(Math.floor(kernel[1] / 2));
    }
    const strides = cases.map((c) => c.params.stride);
    expect(strides.some((stride) => stride === null)).toBe(true);
    expect(strides.some((stride) => typeof stride === "number")).toBe(true);
    expect(strides.some((stride) => Array.isArray(stride))).toBe(true);
    expect(cases.some((c) => "kwargs" in c.runnerCase && c.runnerCase.kwargs!.stride === undefined && c.runnerCase.args.length === 2)).toBe(true);
  });
});

describe("channels", () => {
  it("conv2d Submits mix channel counts, including C_in == C_out > 1", async () => {
    for (const seed of SEEDS) {
      const shapes = (await buildSubmit("conv2d", seed)).map((c) => [shapeOf(c.params, "features.shape")[0], shapeOf(c.params, "weights.shape")[0]]);
      expect(shapes.some(([inChannels]) => inChannels === 1)).toBe(true);
      expect(shapes.some(([inChannels]) => inChannels > 1)).toBe(true);
      expect(shapes.some(([inChannels, outChannels]) => inChannels === outChannels && inChannels > 1)).toBe(true);
    }
  });

  it("conv-output-shape always asks for a channel count different from the input's", async () => {
    for (const seed of SEEDS) {
      for (const { params } of await buildSubmit("conv-output-shape", seed)) {
        expect(params.out_channels).not.toBe((params.input_shape as number[])[1]);
      }
    }
  });

  it("cnn-forward Submits include batches, several channels and odd feature maps", async () => {
    const cases = await buildSubmit("cnn-forward", 1);
    const shapes = cases.map((c) => [shapeOf(c.params, "x.shape"), shapeOf(c.params, 'params["conv.weight"].shape')]);
    expect(shapes.some(([x]) => x[0] > 1)).toBe(true);
    expect(shapes.some(([x]) => x[1] > 1)).toBe(true);
    expect(shapes.some(([x, weight]) => (x[2] - weight[2] + 1) % 2 === 1)).toBe(true);
  });
});
