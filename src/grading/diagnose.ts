// Names likely mistakes: on each failing case, the student's output is compared with the outputs
// of known-wrong variants of the reference; mistakes that explain the most failing cases win.
import type { TReturned } from "@runner";
import { matchesCandidate, measureScale, type TTolerance } from "./compare-output";
import type { TGradingCase, TMistake } from "./exercise-definition";
import type { NdArray } from "./ndarray";
import { message } from "./result-format";
import type { TDiagnosis } from "./result-schema";

export interface TFailedCase {
  gradingCase: TGradingCase;
  returned: TReturned;
}

/**
 * Most likely mistake first. A mistake is kept when it explains at least half as many failing
 * cases as the best one: real mistakes show on most cases, coincidences on a few.
 */
export function diagnoseMistakes(failures: readonly TFailedCase[], tolerance: TTolerance): TDiagnosis[] {
  const explained = new Map<string, { mistake: TMistake; order: number; cases: string[] }>();
  for (const { gradingCase, returned } of failures) {
    if (returned.kind !== "array") continue;
    const scale = measureScale(gradingCase.expected);
    gradingCase.computeVariants().forEach((variant, order) => {
      // a candidate equal to the reference says nothing: the case failed for another reason
      const isTelling = (candidate: NdArray) => !matchesCandidate(gradingCase.expected, candidate, tolerance, scale);
      const isMatch =
        variant.isShownByDtype(returned.dtype) ||
        variant.candidates.some(
          (candidate) => isTelling(candidate) && matchesCandidate(returned, candidate, tolerance, scale),
        );
      if (!isMatch) return;
      const entry = explained.get(variant.mistake.code) ?? { mistake: variant.mistake, order, cases: [] };
      entry.cases.push(gradingCase.name);
      explained.set(variant.mistake.code, entry);
    });
  }
  const ranked = [...explained.values()].sort((a, b) => b.cases.length - a.cases.length || a.order - b.order);
  const best = ranked[0]?.cases.length ?? 0;
  return ranked
    .filter((entry) => entry.cases.length * 2 >= best)
    .map(({ mistake, cases }) => ({ code: mistake.code, message: message(mistake.text), cases }));
}
