import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getExercise, getExercisesDir, isExerciseSlug, listExercises, readExerciseMeta } from "./exercise-files";

describe("the exercise catalogue", () => {
  afterEach(() => {
    delete process.env.CONVLAB_EXERCISES_DIR;
  });

  it("lists every exercise in course order with titles in both languages", async () => {
    const exercises = await listExercises();
    expect(exercises.map((exercise) => exercise.slug)).toEqual([
      "conv-output-shape",
      "convolution",
      "convolution-v2",
      "conv2d",
      "max-pool2d",
      "avg-pool2d",
      "cnn-forward",
      "torch-conv2d",
      "build-cnn",
      "conv-layer-shapes",
      "conv2d-backward",
      "max-pool2d-backward",
      "avg-pool2d-backward",
    ]);
    expect(exercises[1]).toEqual({ slug: "convolution", title: { en: "Convolution of one channel", "zh-CN": "单通道卷积" }, points: 10, order: 2 });
  });

  it("returns statements, starter and metadata for one exercise", async () => {
    const exercise = (await getExercise("conv2d"))!;
    expect(exercise.meta.functionName).toBe("conv2d");
    expect(exercise.statement.en).toMatch(/^# Multi-channel convolution/);
    expect(exercise.statement["zh-CN"]).toMatch(/^# 多通道卷积/);
    expect(exercise.starter).toContain("def conv2d(features, weights, padding=0, stride=1):");
  });

  it("knows only the slugs of the generated index", async () => {
    expect(await getExercise("../../etc")).toBeNull();
    expect(isExerciseSlug("constructor")).toBe(false);
    expect(isExerciseSlug("max-pool2d")).toBe(true);
  });

  it("reads the files from CONVLAB_EXERCISES_DIR when it is set", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "convlab-exercises-"));
    try {
      await cp(getExercisesDir(), dir, { recursive: true });
      const metaPath = path.join(dir, "convolution", "meta.json");
      const meta = JSON.parse(await readFile(metaPath, "utf8"));
      await writeFile(metaPath, JSON.stringify({ ...meta, points: 3 }));
      process.env.CONVLAB_EXERCISES_DIR = dir;
      expect((await readExerciseMeta("convolution")).points).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
