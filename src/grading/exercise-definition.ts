// What an exercise folder's reference.ts gives the grader: the case generator, the trusted
// reference and the known-wrong variants used for diagnosis. defineExercise hides each
// exercise's own input type behind self-contained grading cases.
import type { z } from "zod";
import type { TCaseInput, TRaised } from "@runner";
import type { NdArray } from "./ndarray";
import type { TCaseParams, TInputWindow } from "./result-schema";
import { createRandom, type TRandom } from "./seeded-random";

/** A student mistake the grader can name, in both languages. */
export interface TMistake {
  code: string;
  message: string;
  messageZh: string;
}

export interface TVariant<TInput> extends TMistake {
  /**
   * Outputs a student making this mistake could return on this input; several when the mistake
   * has several common spellings. NaN cells match any value (e.g. the extra row a ceil adds).
   * Empty when the mistake is impossible or changes nothing here.
   */
  candidates(input: TInput, expected: NdArray): NdArray[];
  /** true when the returned dtype alone shows the mistake (integers where floats are expected) */
  isShownByDtype?(dtype: string): boolean;
  /**
   * For mistakes seen in the call rather than the values: whether this raised error shows the
   * mistake (true), does not (false), or the case cannot show it (null). When `needsContrast`,
   * the same error type on a case that cannot show the mistake means the error has another cause.
   */
  isShownByError?(raised: TRaised | null, input: TInput): boolean | null;
  needsContrast?: boolean;
  /** the values the message placeholders ({arguments}, {error}) take on a case that showed the mistake */
  describeEvidence?(raised: TRaised, input: TInput): Record<string, string>;
  /** a compound variant: the catalog mistakes it combines (its own code joins theirs with "+") */
  parts?: readonly TMistake[];
}

/** Where one output cell comes from, so the UI can draw the input and highlight the window. */
export interface TLocatedCell {
  window: TInputWindow | null;
  /** the window in the notes' numpy terms, e.g. "padding_img[2:5, 4:7]" */
  windowText: string;
  /** the same in Simplified Chinese, e.g. "padding_img[2:5, 4:7]" or "通道 0（零填充后）的第 2:5 行、第 4:7 列" */
  windowTextZh: string;
  /** label as in "features[1], zero-padded", labelZh its Simplified Chinese twin */
  input: { label: string; labelZh: string; channel: number | null; plane: NdArray }[];
  inputPadding: { rows: number; cols: number };
}

/** One known mistake of an exercise: its code and the buggy/ file that demonstrates it. */
export interface TCatalogEntry {
  code: string;
  /** path inside the exercise folder, e.g. "buggy/flipped-kernel.py" */
  demonstratedBy: string;
}

export interface TExerciseSpec<TInput, TGenerator> {
  /** "ints" outputs (shapes) must be integers and match exactly */
  output: "floats" | "ints";
  generatorSchema: z.ZodType<TGenerator>;
  /** name is also the case's identifier; nameZh is its Simplified Chinese twin, shown to zh-CN readers */
  edgeCases: readonly { name: string; nameZh: string; input: TInput }[];
  generateRandomInput(random: TRandom, generator: TGenerator): TInput;
  toRunnerCase(input: TInput): TCaseInput;
  describe(input: TInput): TCaseParams;
  reference(input: TInput): NdArray;
  /** absent when the output cells are not computed from input windows */
  locate?(input: TInput, index: number[]): TLocatedCell;
  variants: readonly TVariant<TInput>[];
  /** exercises/<slug>/mistakes.ts: every single (non-compound) variant's code, with its demonstrating file */
  catalog: readonly TCatalogEntry[];
}

export interface TCaseVariant {
  mistake: TMistake;
  /** the catalog mistakes this variant reproduces: the mistake itself, or a compound's parts */
  parts: readonly TMistake[];
  candidates: NdArray[];
  isShownByDtype(dtype: string): boolean;
  isShownByError(raised: TRaised | null): boolean | null;
  needsContrast: boolean;
  describeEvidence(raised: TRaised): Record<string, string>;
}

/** One case with everything the grader needs, independent of the exercise's input type. */
export interface TGradingCase {
  /** also the identifier diagnoses list failing cases by */
  name: string;
  nameZh: string;
  runnerCase: TCaseInput;
  params: TCaseParams;
  expected: NdArray;
  /** computed on demand: only failing cases need them */
  computeVariants(): TCaseVariant[];
  locate: ((index: number[]) => TLocatedCell) | null;
}

export interface TExerciseDefinition {
  output: "floats" | "ints";
  /** the catalog mistakes this exercise can name (compound variants only combine these) */
  mistakes: readonly TMistake[];
  catalog: readonly TCatalogEntry[];
  /** the edge cases, then `count` random cases drawn from `seed` within the meta's generator ranges */
  buildCases(options: { seed: number; count: number; generator: unknown }): TGradingCase[];
}

export function defineExercise<TInput, TGenerator>(spec: TExerciseSpec<TInput, TGenerator>): TExerciseDefinition {
  const singles = spec.variants.filter((variant) => !variant.parts).map((variant) => variant.code);
  const listed = spec.catalog.map((entry) => entry.code);
  if (singles.join() !== listed.join()) {
    throw new Error(`The mistake catalog lists ${listed.join(", ")} but the variants are ${singles.join(", ")}`);
  }
  const toGradingCase = (name: string, nameZh: string, input: TInput): TGradingCase => {
    const expected = spec.reference(input);
    return {
      name,
      nameZh,
      runnerCase: spec.toRunnerCase(input),
      params: spec.describe(input),
      expected,
      computeVariants: () =>
        spec.variants.map((variant) => {
          const mistake = { code: variant.code, message: variant.message, messageZh: variant.messageZh };
          let candidates: NdArray[] | null = null;
          return {
            mistake,
            parts: variant.parts ?? [mistake],
            // computed on first use: compounds are only tried when single mistakes leave cases unexplained
            get candidates() {
              candidates ??= variant.candidates(input, expected);
              return candidates;
            },
            isShownByDtype: (dtype: string) => variant.isShownByDtype?.(dtype) ?? false,
            isShownByError: (raised: TRaised | null) => variant.isShownByError?.(raised, input) ?? null,
            needsContrast: variant.needsContrast ?? false,
            describeEvidence: (raised: TRaised) => variant.describeEvidence?.(raised, input) ?? {},
          };
        }),
      locate: spec.locate ? (index) => spec.locate!(input, index) : null,
    };
  };
  return {
    output: spec.output,
    mistakes: spec.variants
      .filter((variant) => !variant.parts)
      .map(({ code, message, messageZh }) => ({ code, message, messageZh })),
    catalog: spec.catalog,
    buildCases: ({ seed, count, generator }) => {
      const ranges = spec.generatorSchema.parse(generator);
      const random = createRandom(seed);
      const edge = spec.edgeCases.map(({ name, nameZh, input }) => toGradingCase(name, nameZh, input));
      const drawn = Array.from({ length: count }, (_, i) =>
        toGradingCase(`random ${i + 1}`, `随机用例 ${i + 1}`, spec.generateRandomInput(random, ranges)),
      );
      return [...edge, ...drawn];
    },
  };
}
