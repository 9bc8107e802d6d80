// Which of a student's graded submissions counts for an exercise of an assignment: the highest
// score (already after its late penalty); among equal scores an on-time one, then the earliest.

export interface TScoredSubmission {
  score: number | null;
  isLate: boolean;
  receivedAt: Date;
}

export function pickBestSubmission<T extends TScoredSubmission>(submissions: readonly T[]): T | null {
  let best: T | null = null;
  for (const s of submissions) {
    if (s.score === null) continue;
    if (
      best === null ||
      s.score > best.score! ||
      (s.score === best.score && ((best.isLate && !s.isLate) || (best.isLate === s.isLate && s.receivedAt < best.receivedAt)))
    ) {
      best = s;
    }
  }
  return best;
}

/** Scores shown and exported with two decimals, so 13.500000001 reads 13.5. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}
