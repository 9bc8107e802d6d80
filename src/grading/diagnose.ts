// Names likely mistakes from evidence: on every case, the student's output (or error) is compared
// with what each known-wrong variant of the reference would give. Only *telling* cases count: the
// variant must differ clearly from the reference and from trivial outputs (a constant, the input),
// so a degenerate case cannot name a mistake. A variant is named when it explains enough of its
// telling cases, then variants are picked greedily by the failing cases they explain that earlier
// picks did not; compound variants (two mistakes at once) compete on the same terms.
import type { TRaised, TReturned, TRunnerValue } from "@runner";
import { matchesCandidate, measureScale, toCellTolerance, type TCellTolerance, type TTolerance } from "./compare-output";
import type { TCaseVariant, TGradingCase, TMistake } from "./exercise-definition";
import { isSameShape, mapValues, type NdArray } from "./ndarray";
import { toComparable } from "./output-parts";
import { INTEGER_CUTS, isIntegerDtype } from "./output-variants";
import { message, type TMessageParam } from "./result-format";
import type { TDiagnosis } from "./result-schema";

export interface TObservedCase {
  gradingCase: TGradingCase;
  /** what the function returned (passing cases too: they are evidence against a mistake) */
  returned?: TReturned | null;
  raised?: TRaised | null;
}
/** Kept for callers that only pass the failing cases. */
export type TFailedCase = TObservedCase;

/** A variant must explain at least this many telling cases... */
export const MIN_EXPLAINED = 2;
/** ...and at least this share of them: a real mistake shows on most cases where it can show. */
export const MIN_SHARE = 0.6;
/**
 * Two variants that explain the same cases (RIVAL_OVERLAP of them) about as well (share within
 * RIVAL_SHARE_MARGIN) cannot be told apart: only the mistakes they share are named.
 */
const RIVAL_OVERLAP = 0.8;
const RIVAL_SHARE_MARGIN = 0.1;
/** A candidate must be this many tolerances away from the reference to tell anything. */
const CLEAR_FACTOR = 10;
/** Fewer compared cells than this say nothing: a 1×1 output matches too much by chance. */
const MIN_CELLS = 2;

interface TEvidence {
  order: number;
  parts: readonly TMistake[];
  /** case names where this variant could be told apart */
  telling: Set<string>;
  /** telling cases whose output (or error) the variant reproduces */
  explained: Set<string>;
  /** the same per spelling (candidate index): a student writes one spelling, not all of them */
  bySpelling: { telling: Set<string>; explained: Set<string> }[];
  /** error types on cases that cannot show the mistake (for needsContrast) */
  otherErrors: Set<string>;
  shownErrors: Set<string>;
  params: Record<string, TMessageParam> | null;
}

type TArrayLike = { shape: number[]; data: ArrayLike<number> & { every: Float64Array["every"] } };

function collectInputArrays(value: TRunnerValue, into: NdArray[]): NdArray[] {
  if (value && typeof value === "object") {
    if ("kind" in value && value.kind === "ndarray") into.push(value as NdArray);
    else for (const item of Object.values(value)) collectInputArrays(item as TRunnerValue, into);
  }
  return into;
}

function countKnownCells(candidate: NdArray): number {
  let known = 0;
  for (const value of candidate.data) if (!Number.isNaN(value)) known++;
  return known;
}

/** A constant (zeros included) or the input itself: outputs a student can produce for many reasons. */
function isTrivial(candidate: NdArray, inputs: readonly NdArray[], tolerance: TCellTolerance, scale: number): boolean {
  if (countKnownCells(candidate) < MIN_CELLS) return true;
  const first = candidate.data.find((value) => !Number.isNaN(value))!;
  if (candidate.data.every((value) => Number.isNaN(value) || Math.abs(value - first) <= tolerance.atol * scale * CLEAR_FACTOR)) {
    return true;
  }
  return inputs.some((input) => matchesCandidate(input, candidate, tolerance, scale));
}

/** The top-left block two arrays of the same rank share, or null when it is the whole of both. */
function cropToOverlap(array: TArrayLike, shape: readonly number[]): NdArray | null {
  if (array.shape.length !== shape.length || array.shape.length === 0) return null;
  const overlap = shape.map((size, axis) => Math.min(size, array.shape[axis]));
  if (overlap.some((size) => size === 0)) return null;
  const count = overlap.reduce((a, b) => a * b, 1);
  const data = new Float64Array(count);
  const index = new Array<number>(overlap.length).fill(0);
  for (let k = 0; k < count; k++) {
    let flat = 0;
    for (let axis = 0; axis < overlap.length; axis++) flat = flat * array.shape[axis] + index[axis];
    data[k] = array.data[flat];
    for (let axis = overlap.length - 1; axis >= 0; axis--) {
      if (++index[axis] < overlap[axis]) break;
      index[axis] = 0;
    }
  }
  return { kind: "ndarray", shape: overlap, data };
}

interface TCaseContext {
  expected: NdArray;
  inputs: NdArray[];
  scale: number;
  tolerance: TCellTolerance;
}

function createContext(gradingCase: TGradingCase, tolerance: TTolerance): TCaseContext {
  const { args, kwargs } = gradingCase.runnerCase;
  return {
    expected: gradingCase.expected,
    inputs: [...args, ...Object.values(kwargs ?? {})].flatMap((value) => collectInputArrays(value, [])),
    scale: measureScale(gradingCase.expected),
    tolerance: toCellTolerance(tolerance),
  };
}

const clearTolerance = (tolerance: TCellTolerance): TCellTolerance => ({
  rtol: tolerance.rtol * CLEAR_FACTOR,
  atol: tolerance.atol * CLEAR_FACTOR,
});

function isTelling(candidate: NdArray, context: TCaseContext): boolean {
  return (
    !matchesCandidate(context.expected, candidate, clearTolerance(context.tolerance), context.scale) &&
    !isTrivial(candidate, context.inputs, context.tolerance, context.scale)
  );
}

/**
 * Whether the student's array is this candidate: the same shape and values (an integer array may
 * hold the candidate cut to integers), or, when the student's shape differs from the reference's,
 * the same values on the block both share, provided that block alone differs from the reference.
 */
function explainsArray(returned: TReturned & { kind: "array" }, candidate: NdArray, context: TCaseContext): boolean {
  // cut to integers, a candidate only tells if it still differs from the reference cut the same way
  const cuts = isIntegerDtype(returned.dtype)
    ? INTEGER_CUTS.map((cut) => mapValues(candidate, cut)).filter(
        (cutCandidate, i) => !matchesCandidate(mapValues(context.expected, INTEGER_CUTS[i]), cutCandidate, context.tolerance, context.scale),
      )
    : [];
  const spellings = [candidate, ...cuts];
  if (spellings.some((spelling) => matchesCandidate(returned, spelling, context.tolerance, context.scale))) return true;
  // only a variant that keeps the reference's shape is compared on a block: the student's other
  // mistake changed the shape. A variant that changes the shape itself must match it exactly, or a
  // sub-window of the right answer (one-sided padding, say) would explain every right answer.
  if (!isSameShape(candidate.shape, context.expected.shape) || returned.shape.length !== candidate.shape.length) return false;
  if (isSameShape(returned.shape, candidate.shape)) return false;
  const shared = cropToOverlap(candidate, returned.shape);
  const student = cropToOverlap(returned, candidate.shape);
  const reference = cropToOverlap(context.expected, candidate.shape);
  if (!shared || !student || countKnownCells(shared) < Math.max(MIN_CELLS, countKnownCells(candidate) / 2)) return false;
  const isSharedTelling =
    !isTrivial(shared, context.inputs, context.tolerance, context.scale) &&
    (!reference || !matchesCandidate(reference, cropToOverlap(shared, reference.shape)!, clearTolerance(context.tolerance), context.scale));
  return isSharedTelling && matchesCandidate(student, shared, context.tolerance, context.scale);
}

function hasFraction(array: NdArray, tolerance: TCellTolerance): boolean {
  return array.data.some((value) => Math.abs(value - Math.round(value)) > tolerance.atol * CLEAR_FACTOR);
}

function recordCase(evidence: TEvidence, variant: TCaseVariant, observed: TObservedCase, context: TCaseContext): void {
  const name = observed.gradingCase.name;
  const { returned, raised } = observed;
  if (raised || variant.needsContrast) {
    const shown = variant.isShownByError(raised ?? null);
    if (shown === null) {
      if (raised) evidence.otherErrors.add(raised.type);
    } else {
      evidence.telling.add(name);
      if (shown && raised) {
        evidence.explained.add(name);
        evidence.shownErrors.add(raised.type);
        evidence.params ??= variant.describeEvidence(raised);
      }
    }
    if (raised) return;
  }
  if (returned?.kind !== "array") return;
  variant.candidates.forEach((candidate, i) => {
    if (!isTelling(candidate, context)) return;
    const spelling = (evidence.bySpelling[i] ??= { telling: new Set(), explained: new Set() });
    spelling.telling.add(name);
    evidence.telling.add(name);
    if (!explainsArray(returned, candidate, context)) return;
    spelling.explained.add(name);
    evidence.explained.add(name);
  });
}

const meetsThresholds = ({ telling, explained }: { telling: Set<string>; explained: Set<string> }) =>
  explained.size >= MIN_EXPLAINED && explained.size >= MIN_SHARE * telling.size;

/**
 * The evidence a variant is judged on: all its spellings together, or else its best single
 * spelling (a student who writes one spelling is not told apart where only another one shows).
 * Null when neither is enough, or when the error it relies on also came from calls that cannot show it.
 */
function summarise(evidence: TEvidence): TEvidence | null {
  if ([...evidence.shownErrors].some((type) => evidence.otherErrors.has(type))) return null;
  if (meetsThresholds(evidence)) return evidence;
  const best = evidence.bySpelling
    .filter((spelling) => spelling && meetsThresholds(spelling))
    .sort((a, b) => b.explained.size - a.explained.size)[0];
  return best ? { ...evidence, telling: best.telling, explained: best.explained } : null;
}

/**
 * Greedy: the eligible variant explaining the most failing cases not yet explained, then the next.
 * On a tie a single mistake beats a compound, then the higher share, then the catalog order.
 */
function pickExplanations(evidence: readonly TEvidence[], failing: ReadonlySet<string>): TEvidence[] {
  const summaries = evidence.flatMap((entry) => (entry ? [summarise(entry)].filter((summary) => summary !== null) : []));
  const picked: TEvidence[] = [];
  const covered = new Set<string>();
  const newlyExplained = (entry: TEvidence) => [...entry.explained].filter((name) => failing.has(name) && !covered.has(name)).length;
  const share = (entry: TEvidence) => entry.explained.size / entry.telling.size;
  for (;;) {
    const ranked = summaries
      .filter((entry) => entry && !picked.some((done) => done.order === entry.order))
      .map((entry) => ({ entry, gain: newlyExplained(entry) }))
      .filter(({ gain }) => gain >= MIN_EXPLAINED)
      .sort(
        (a, b) =>
          b.gain - a.gain ||
          a.entry.parts.length - b.entry.parts.length ||
          share(b.entry) - share(a.entry) ||
          a.entry.order - b.entry.order,
      );
    if (ranked.length === 0) return picked;
    const best = ranked[0].entry;
    const gained = [...best.explained].filter((name) => failing.has(name) && !covered.has(name));
    // a rival explains nearly the same cases nearly as well: name only what both agree on
    const rivals = ranked.slice(1).filter(
      ({ entry }) =>
        gained.filter((name) => entry.explained.has(name)).length >= RIVAL_OVERLAP * gained.length &&
        share(entry) >= share(best) - RIVAL_SHARE_MARGIN,
    );
    const agreed = best.parts.filter((part) => rivals.every(({ entry }) => entry.parts.some((other) => other.code === part.code)));
    picked.push({ ...best, parts: agreed });
    for (const name of best.explained) covered.add(name);
  }
}

/**
 * A case's scoring weight: 1 plus the catalog mistakes it can tell apart from the reference.
 * A degenerate case (a 1×1 kernel, a single pixel) that common mistakes pass by accident is worth less.
 */
export function weighCase(gradingCase: TGradingCase, tolerance: TTolerance): number {
  // an edge case is the same object on every submission (buildCases): weighed once per tolerance
  const key = JSON.stringify(tolerance);
  const known = weights.get(gradingCase);
  if (known?.key === key) return known.weight;
  const context = createContext(gradingCase, tolerance);
  const singles = gradingCase.computeVariants().filter((variant) => variant.parts.length === 1);
  const weight = 1 + singles.filter((variant) => variant.candidates.some((candidate) => isTelling(candidate, context))).length;
  weights.set(gradingCase, { key, weight });
  return weight;
}

const weights = new WeakMap<TGradingCase, { key: string; weight: number }>();

/**
 * Most likely mistake first; each with the failing cases it explains and how sure that is
 * (`explained` of `telling` cases). Names nothing rather than a mistake the evidence does not carry.
 */
export function diagnoseMistakes(observed: readonly TObservedCase[], tolerance: TTolerance): TDiagnosis[] {
  const failing = new Set<string>();
  let fractionalCases = 0;
  const integerCases = new Set<string>();
  let integerMistake: TMistake | null = null;
  const seen: { entry: TObservedCase; context: TCaseContext; variants: TCaseVariant[] }[] = [];
  for (const { gradingCase, returned: value, raised } of observed) {
    // a tuple output's arrays are compared packed, like the candidates
    const returned = value ? toComparable(value, gradingCase.parts) : value;
    const entry = { gradingCase, returned, raised };
    if (!raised && returned?.kind !== "array") continue;
    const context = createContext(gradingCase, tolerance);
    const isPassing = returned?.kind === "array" && matchesCandidate(returned, gradingCase.expected, context.tolerance, context.scale);
    if (!isPassing) failing.add(gradingCase.name);
    const variants = gradingCase.computeVariants();
    if (returned?.kind === "array" && hasFraction(gradingCase.expected, context.tolerance)) {
      fractionalCases++;
      const shownBy = variants.find((variant) => variant.isShownByDtype(returned.dtype));
      if (shownBy) {
        integerCases.add(gradingCase.name);
        integerMistake = shownBy.parts[0];
      }
    }
    seen.push({ entry, context, variants });
  }

  const evidence: TEvidence[] = [];
  const gather = (isWanted: (variant: TCaseVariant) => boolean) => {
    for (const { entry, context, variants } of seen) {
      variants.forEach((variant, order) => {
        if (!isWanted(variant)) return;
        evidence[order] ??= {
          order,
          parts: variant.parts,
          telling: new Set(),
          explained: new Set(),
          bySpelling: [],
          otherErrors: new Set(),
          shownErrors: new Set(),
          params: null,
        };
        recordCase(evidence[order], variant, entry, context);
      });
    }
  };
  const isCompound = (variant: TCaseVariant) => variant.parts.length > 1;
  let picked: TEvidence[] = [];
  // A mistake is only named for MIN_EXPLAINED failing cases or more, so with fewer failing cases
  // (every correct submission) weighing the variants' evidence could not name anything: skipped,
  // it saves most of a correct submission's grading CPU.
  if (failing.size >= MIN_EXPLAINED) {
    gather((variant) => !isCompound(variant));
    picked = pickExplanations(evidence, failing);
    const covered = new Set(picked.flatMap((entry) => [...entry.explained]));
    if ([...failing].filter((name) => !covered.has(name)).length >= MIN_EXPLAINED) {
      gather(isCompound);
      picked = pickExplanations(evidence, failing);
    }
  }

  const diagnoses: TDiagnosis[] = [];
  const caseOrder = observed.map((entry) => entry.gradingCase.name);
  const inCaseOrder = (names: Set<string>) => caseOrder.filter((name) => names.has(name) && failing.has(name));
  for (const entry of picked) {
    for (const part of entry.parts) {
      if (diagnoses.some((diagnosis) => diagnosis.code === part.code)) continue;
      diagnoses.push({
        code: part.code,
        message: message(part.text, entry.params ?? {}),
        cases: inCaseOrder(entry.explained),
        explained: entry.explained.size,
        telling: entry.telling.size,
      });
    }
  }
  const shownByDtype = integerMistake as TMistake | null;
  if (shownByDtype && integerCases.size >= MIN_EXPLAINED && integerCases.size >= MIN_SHARE * fractionalCases) {
    if (!diagnoses.some((diagnosis) => diagnosis.code === shownByDtype.code)) {
      diagnoses.push({
        code: shownByDtype.code,
        message: message(shownByDtype.text),
        cases: inCaseOrder(integerCases),
        explained: integerCases.size,
        telling: fractionalCases,
      });
    }
  }
  return diagnoses;
}
