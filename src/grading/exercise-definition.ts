// What an exercise folder's reference.ts gives the grader: the case generator, the trusted
// reference and the known-wrong variants used for diagnosis. defineExercise hides each
// exercise's own input type behind self-contained grading cases.
import type { z } from "zod";
import type { TCaseInput, TRaised } from "@runner";
import type { NdArray } from "./ndarray";
import { describeParts, packArrays, type TOutputPart } from "./output-parts";
import { message, type TCaseParams, type TMessage, type TMessageCode, type TMessageParam } from "./result-format";
import type { TInputWindow } from "./result-schema";
import { createRandom, type TRandom } from "./seeded-random";

/** A student mistake the grader can name; `text` is its sentence in the src/i18n tables. */
export interface TMistake {
  code: string;
  text: TMessageCode;
}

interface TVariantBehaviour<TInput> {
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
  /** the params of the mistake's message ({arguments}, {error}) on a case that showed the mistake */
  describeEvidence?(raised: TRaised, input: TInput): Record<string, TMessageParam>;
}

/**
 * A catalog mistake, or a compound variant: two catalog mistakes at once (its code joins theirs
 * with "+"). A compound has no text of its own: a diagnosis names each of its parts.
 */
export type TVariant<TInput> = TSingleVariant<TInput> | (TVariantBehaviour<TInput> & { code: string; parts: readonly TMistake[] });
export type TSingleVariant<TInput> = TVariantBehaviour<TInput> & TMistake & { parts?: undefined };

/** Where one output cell comes from, so the UI can draw the input and highlight the window. */
export interface TLocatedCell {
  window: TInputWindow | null;
  /** the window in the notes' numpy terms, e.g. "padding_img[2:5, 4:7]" */
  windowText: TMessage;
  /** label as in "features[1], zero-padded" */
  input: { label: TMessage; channel: number | null; plane: NdArray }[];
  /** set when `input` is the upstream gradient (dout) a gradient cell collects from, not the function's input */
  inputRole?: "upstream-gradient";
  inputPadding: { rows: number; cols: number };
  /**
   * The other array arguments as 2-D planes (the kernel, weights[o, c]); channel is the output
   * channel a plane produces, or null when it serves every output channel.
   */
  kernels?: { label: TMessage; channel: number | null; plane: NdArray }[];
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
  /** name is also the case's identifier; title is the name shown to readers */
  edgeCases: readonly { name: string; title: TMessageCode; input: TInput }[];
  generateRandomInput(random: TRandom, generator: TGenerator): TInput;
  toRunnerCase(input: TInput): TCaseInput;
  describe(input: TInput): TCaseParams;
  /**
   * For a function that returns a tuple of arrays: their names, in order (e.g. ["dfeatures",
   * "dweights"]), or, when their number depends on the case (one shape per layer), the names for
   * one input. `reference` then returns one array per name, and the variants' candidates are
   * those arrays packed (output-parts.ts packArrays).
   */
  returns?: readonly string[] | ((input: TInput) => readonly string[]);
  reference(input: TInput): NdArray | NdArray[];
  /** absent when the output cells are not computed from input windows; `part`: which array of a tuple output */
  locate?(input: TInput, index: number[], part: number): TLocatedCell;
  /** true for the cases whose output is a layer-shape table (layer-shapes.ts), so feedback shows it as a table */
  isLayerTable?(input: TInput): boolean;
  variants: readonly TVariant<TInput>[];
  /** exercises/<slug>/mistakes.ts: every single (non-compound) variant's code, with its demonstrating file */
  catalog: readonly TCatalogEntry[];
}

export interface TCaseVariant {
  /** the variant's code (a compound's joins its parts' codes with "+") */
  mistake: { code: string };
  /** the catalog mistakes this variant reproduces: the mistake itself, or a compound's parts */
  parts: readonly TMistake[];
  candidates: NdArray[];
  isShownByDtype(dtype: string): boolean;
  isShownByError(raised: TRaised | null): boolean | null;
  needsContrast: boolean;
  describeEvidence(raised: TRaised): Record<string, TMessageParam>;
}

/** One case with everything the grader needs, independent of the exercise's input type. */
export interface TGradingCase {
  /** also the identifier diagnoses list failing cases by */
  name: string;
  title: TMessage;
  runnerCase: TCaseInput;
  params: TCaseParams;
  /** a tuple output's arrays packed end to end (see `parts`); the reference runs on the first read */
  readonly expected: NdArray;
  /** the arrays of a tuple output, null for one array */
  readonly parts: TOutputPart[] | null;
  /** computed on demand: only failing cases need them */
  computeVariants(): TCaseVariant[];
  locate: ((index: number[], part: number) => TLocatedCell) | null;
  /** the expected output is a layer-shape table (layer-shapes.ts), shown as one */
  isLayerTable: boolean;
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
  const singles = spec.variants.flatMap((variant): TMistake[] =>
    variant.parts === undefined ? [{ code: variant.code, text: variant.text }] : [],
  );
  const listed = spec.catalog.map((entry) => entry.code);
  if (singles.map((single) => single.code).join() !== listed.join()) {
    throw new Error(`The mistake catalog lists ${listed.join(", ")} but the variants are ${singles.map((single) => single.code).join(", ")}`);
  }
  const computeOutput = (input: TInput): { expected: NdArray; parts: TOutputPart[] | null } => {
    const reference = spec.reference(input);
    const arrays = Array.isArray(reference) ? reference : [reference];
    const names = typeof spec.returns === "function" ? spec.returns(input) : spec.returns;
    if (arrays.length !== (names?.length ?? 1) || Array.isArray(reference) !== (names !== undefined)) {
      throw new Error(`The reference returned ${arrays.length} arrays for the outputs ${names?.join(", ") ?? "(one array)"}`);
    }
    const parts = names ? describeParts(names, arrays) : null;
    return { expected: parts ? packArrays(arrays) : arrays[0], parts };
  };
  const toGradingCase = (name: string, title: TMessage, input: TInput): TGradingCase => {
    // On first use, so that the grader can send the cases to the sandbox before computing them.
    let output: ReturnType<typeof computeOutput> | null = null;
    const computed = () => (output ??= computeOutput(input));
    // Once per case: weighing the case and diagnosing it then share each variant's candidates.
    let variants: TCaseVariant[] | null = null;
    return {
      name,
      title,
      runnerCase: spec.toRunnerCase(input),
      params: spec.describe(input),
      get expected() {
        return computed().expected;
      },
      get parts() {
        return computed().parts;
      },
      computeVariants: () =>
        (variants ??= spec.variants.map((variant) => {
          const parts = variant.parts ?? [{ code: variant.code, text: variant.text }];
          let candidates: NdArray[] | null = null;
          return {
            mistake: { code: variant.code },
            parts,
            // computed on first use: compounds are only tried when single mistakes leave cases unexplained
            get candidates() {
              candidates ??= variant.candidates(input, computed().expected);
              return candidates;
            },
            isShownByDtype: (dtype: string) => variant.isShownByDtype?.(dtype) ?? false,
            isShownByError: (raised: TRaised | null) => variant.isShownByError?.(raised, input) ?? null,
            needsContrast: variant.needsContrast ?? false,
            describeEvidence: (raised: TRaised) => variant.describeEvidence?.(raised, input) ?? {},
          };
        })),
      locate: spec.locate ? (index, part) => spec.locate!(input, index, part) : null,
      isLayerTable: spec.isLayerTable?.(input) ?? false,
    };
  };
  let edgeCases: TGradingCase[] | null = null;
  return {
    output: spec.output,
    mistakes: singles,
    catalog: spec.catalog,
    buildCases: ({ seed, count, generator }) => {
      const ranges = spec.generatorSchema.parse(generator);
      const random = createRandom(seed);
      // The edge cases are the same on every seed: built once per process, so their reference,
      // their mistake variants and their weights (weighCase) are computed once, not per submission.
      edgeCases ??= spec.edgeCases.map(({ name, title, input }) => toGradingCase(name, message(title), input));
      const edge = edgeCases;
      const drawn = Array.from({ length: count }, (_, i) =>
        toGradingCase(`random ${i + 1}`, message("caseRandom", { n: i + 1 }), spec.generateRandomInput(random, ranges)),
      );
      return [...edge, ...drawn];
    },
  };
}
