// The schema of exercises/<slug>/meta.json: points, tolerance, sandbox limits and the parameters
// of the case generator (checked further by the exercise's own generator schema). The titles are
// the first heading of each statement (exercise-files.ts), so each language's text stays in its file.
import { z } from "zod";
import { MAX_SEED } from "./seeded-random";

export const ZExerciseMeta = z
  .strictObject({
    /** position in the exercise list */
    order: z.number().int(),
    points: z.number().positive(),
    /**
     * "proportional" (the default): each case earns its weighted share (see weighCase). "all-or-nothing": the
     * points only when every case passes, for an instructor who wants no credit for a solution
     * that a known mistake gets through on its degenerate cases (1×1 kernels, single pixels).
     */
    scoring: z.enum(["proportional", "all-or-nothing"]).default("proportional"),
    functionName: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    /** "torch": graded in the runner's torch sandbox (torch imported, one thread); numpy exercises keep the light one */
    sandbox: z.enum(["numpy", "torch"]).default("numpy"),
    /**
     * The grader's case code in the exercise folder, when the student's object is not called
     * directly (build-cnn instantiates the student's nn.Module class): each case calls
     * `functionName(studentObject, *args)` of this file inside the sandbox.
     */
    driver: z.strictObject({ file: z.string().regex(/^[a-z0-9_-]+\.py$/), functionName: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/) }).optional(),
    /** the exact `def` (or `class`) line without the keyword and colon, shown with load errors */
    signature: z.string(),
    /**
     * {rtol, atol}: a value passes when |actual - expected| <= atol * scale + rtol * |expected|,
     * where scale is max(1, largest |expected| of the case): float32 rounding grows with the values
     * summed. {relativeError}: each returned array passes when max|x − y| / max(|x| + |y|) over the
     * whole array is at most this (the gradient exercises; see compare-output.ts).
     */
    tolerance: z.union([
      z.strictObject({ rtol: z.number().nonnegative(), atol: z.number().nonnegative() }),
      z.strictObject({ relativeError: z.number().positive() }),
    ]),
    /** sandbox limits for one whole job (all cases of one Run or Submit) */
    limits: z.strictObject({
      cpuSeconds: z.number().positive(),
      wallSeconds: z.number().positive(),
      memoryMb: z.number().int().positive(),
      outputBytes: z.number().int().positive(),
    }),
    cases: z.strictObject({
      /** the fixed seed of the sample cases a student may Run freely */
      sampleSeed: z.number().int().min(0).max(MAX_SEED),
      sampleCount: z.number().int().min(0),
      /** random cases per Submit, each Submit with a fresh seed; the edge cases come on top */
      hiddenCount: z.number().int().min(1),
      /** ranges for the random cases; validated by the exercise's generatorSchema */
      generator: z.record(z.string(), z.unknown()),
    }),
  })
  .refine((meta) => meta.signature.startsWith(`${meta.functionName}(`), {
    message: "signature must start with functionName(",
    path: ["signature"],
  });
export type TExerciseMeta = z.infer<typeof ZExerciseMeta>;

/** An inclusive [low, high] range of integers, for the exercises' generator schemas. */
export const ZIntRange = z
  .tuple([z.number().int(), z.number().int()])
  .refine(([low, high]) => low <= high, { message: "range must be [low, high] with low <= high" });

/** An inclusive [low, high] range of values. */
export const ZValueRange = z
  .tuple([z.number(), z.number()])
  .refine(([low, high]) => low < high, { message: "range must be [low, high] with low < high" });

/** The case ranges of the convolution exercises (conv2d adds its channel ranges to them). */
export const ZConvGenerator = z.strictObject({
  imageSize: ZIntRange,
  padding: ZIntRange,
  /** most kernels fall in this range... */
  kernel: ZIntRange,
  /** ...and this share anywhere from 1 up to the padded image size */
  anyKernelChance: z.number().min(0).max(1),
  stride: ZIntRange,
  values: ZValueRange,
});
