// A student's progress on an exercise, derived from their graded submissions so that a retried,
// regraded or duplicated write can never count an attempt twice.
import type { TDb } from "@/server/db-client";
import { queueScoreSync } from "@/server/lti/score-sync";
import { GRADED_STATUSES } from "@/server/submissions/submission-status";

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

export async function recomputeProgress(tx: TTx, options: { userId: string; exerciseId: string; courseId: string | null; maxScore: number }) {
  const graded = await tx.submission.findMany({
    where: { userId: options.userId, exerciseId: options.exerciseId, mode: "submit", status: { in: [...GRADED_STATUSES] } },
    select: { id: true, score: true, status: true, finishedAt: true },
    orderBy: { finishedAt: "asc" },
  });
  const bestScore = graded.reduce((best, s) => Math.max(best, s.score ?? 0), 0);
  const firstPass = graded.find((s) => s.status === "passed");
  const last = graded.at(-1);
  const data = {
    courseId: options.courseId,
    bestScore,
    maxScore: options.maxScore,
    attempts: graded.length,
    passedAt: firstPass?.finishedAt ?? null,
    lastSubmissionId: last?.id ?? null,
  };
  await tx.progress.upsert({
    where: { userId_exerciseId: { userId: options.userId, exerciseId: options.exerciseId } },
    update: data,
    create: { userId: options.userId, exerciseId: options.exerciseId, ...data },
  });
  // LMS grade passback (issue 15): the score-sync job row commits with the grade it reports.
  await queueScoreSync(tx, { userId: options.userId, exerciseId: options.exerciseId });
}
