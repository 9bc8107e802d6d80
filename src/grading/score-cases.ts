// How an exercise's cases add up to its points, for a fresh verdict and for re-scoring a stored
// one (an instructor's points or scoring change): no sandbox, only the stored per-case results.
import type { TExerciseMeta } from "./meta-schema";
import type { TCaseResult, TGradingResult } from "./result-schema";

export type TScoringRule = TExerciseMeta["scoring"];

/** Cases are weighted (see weighCase); "all-or-nothing" gives the points only for every case. */
export function scoreCases(scoring: TScoringRule, points: number, caseResults: readonly Pick<TCaseResult, "passed" | "points">[]): number {
  const isAllPassed = caseResults.every((result) => result.passed);
  if (scoring === "all-or-nothing" || isAllPassed) return isAllPassed ? points : 0;
  const earned = caseResults.reduce((sum, result) => sum + (result.passed ? result.points : 0), 0);
  return Math.round(earned * 100) / 100;
}

/**
 * A stored result worth `points` under `scoring`: each case's weighted points scaled to the new
 * total, the score recomputed from which cases passed. Results that ran no case (a load error, a
 * fault) keep their score of 0. Applying the same terms twice changes nothing.
 */
export function rescoreResult(result: TGradingResult, terms: { points: number; scoring: TScoringRule }): TGradingResult {
  if (result.cases.length === 0) return { ...result, maxScore: terms.points };
  const scale = result.maxScore > 0 ? terms.points / result.maxScore : 0;
  const cases = result.cases.map((c) => ({ ...c, points: c.points * scale }));
  return { ...result, cases, maxScore: terms.points, score: scoreCases(terms.scoring, terms.points, cases) };
}
