// What an exercise folder's reference.ts gives the grader: the case generator, the trusted
// reference and the known-wrong variants used for diagnosis. defineExercise hides each
// exercise's own input type behind self-contained grading cases.
import type { z } from "zod";
import type { TCaseInput } from "@runner";
import type { NdArray } from "./ndarray";
import { message, type TCaseParams, type TMessage, type TMessageCode } from "./result-format";
import type { TInputWindow } from "./result-schema";
import { createRandom, type TRandom } from "./seeded-random";

/** A student mistake the grader can name; `text` is its sentence in the src/i18n tables. */
export interface TMistake {
  code: string;
  text: TMessageCode;
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
}

/** Where one output cell comes from, so the UI can draw the input and highlight the window. */
export interface TLocatedCell {
  window: TInputWindow | null;
  /** the window in the notes' numpy terms, e.g. "padding_img[2:5, 4:7]" */
  windowText: TMessage;
  /** label as in "features[1], zero-padded" */
  input: { label: TMessage; channel: number | null; plane: NdArray }[];
  inputPadding: { rows: number; cols: number };
}

export interface TExerciseSpec<TInput, TGenerator> {
  /** "ints" outputs (shapes) must be integers and match exactly */
  output: "floats" | "ints";
  generatorSchema: z.ZodType<TGenerator>;
  /** name is also the case's identifier; title is the name shown to readers */
  edgeCases: readonly { name: string; title: TMessageCode; input: TInput }[];
  generateRandomInput(random: TRandom, generator: TGenerator): TInput;
  toRunnerCase(input: TInput): TCaseInput;
  describe(input: TInput): TCaseParams;
  reference(input: TInput): NdArray;
  /** absent when the output cells are not computed from input windows */
  locate?(input: TInput, index: number[]): TLocatedCell;
  variants: readonly TVariant<TInput>[];
}

export interface TCaseVariant {
  mistake: TMistake;
  candidates: NdArray[];
  isShownByDtype(dtype: string): boolean;
}

/** One case with everything the grader needs, independent of the exercise's input type. */
export interface TGradingCase {
  /** also the identifier diagnoses list failing cases by */
  name: string;
  title: TMessage;
  runnerCase: TCaseInput;
  params: TCaseParams;
  expected: NdArray;
  /** computed on demand: only failing cases need them */
  computeVariants(): TCaseVariant[];
  locate: ((index: number[]) => TLocatedCell) | null;
}

export interface TExerciseDefinition {
  output: "floats" | "ints";
  mistakes: readonly TMistake[];
  /** the edge cases, then `count` random cases drawn from `seed` within the meta's generator ranges */
  buildCases(options: { seed: number; count: number; generator: unknown }): TGradingCase[];
}

export function defineExercise<TInput, TGenerator>(spec: TExerciseSpec<TInput, TGenerator>): TExerciseDefinition {
  const toGradingCase = (name: string, title: TMessage, input: TInput): TGradingCase => {
    const expected = spec.reference(input);
    return {
      name,
      title,
      runnerCase: spec.toRunnerCase(input),
      params: spec.describe(input),
      expected,
      computeVariants: () =>
        spec.variants.map((variant) => ({
          mistake: { code: variant.code, text: variant.text },
          candidates: variant.candidates(input, expected),
          isShownByDtype: (dtype: string) => variant.isShownByDtype?.(dtype) ?? false,
        })),
      locate: spec.locate ? (index) => spec.locate!(input, index) : null,
    };
  };
  return {
    output: spec.output,
    mistakes: spec.variants.map(({ code, text }) => ({ code, text })),
    buildCases: ({ seed, count, generator }) => {
      const ranges = spec.generatorSchema.parse(generator);
      const random = createRandom(seed);
      const edge = spec.edgeCases.map(({ name, title, input }) => toGradingCase(name, message(title), input));
      const drawn = Array.from({ length: count }, (_, i) =>
        toGradingCase(`random ${i + 1}`, message("caseRandom", { n: i + 1 }), spec.generateRandomInput(random, ranges)),
      );
      return [...edge, ...drawn];
    },
  };
}
