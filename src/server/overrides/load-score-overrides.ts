// The scores set by hand for some assignments, keyed "<userId> <assignmentId> <exerciseId>", for the
// readers that replace a computed best score with them.
import type { TDb } from "@/server/db-client";

export interface TScoreOverride {
  score: number;
  comment: string;
  setBy: string;
  updatedAt: string;
}

export function overrideKey(userId: string, assignmentId: string, exerciseId: string): string {
  return `${userId} ${assignmentId} ${exerciseId}`;
}

export async function loadScoreOverrides(db: TDb, where: { assignmentIds: string[]; userId?: string; exerciseId?: string }): Promise<Map<string, TScoreOverride>> {
  const rows = await db.scoreOverride.findMany({
    where: { assignmentId: { in: where.assignmentIds }, userId: where.userId, exerciseId: where.exerciseId },
    include: { createdBy: { select: { name: true } } },
  });
  return new Map(
    rows.map((r) => [
      overrideKey(r.userId, r.assignmentId, r.exerciseId),
      { score: r.score, comment: r.comment, setBy: r.createdBy.name, updatedAt: r.updatedAt.toISOString() },
    ]),
  );
}
