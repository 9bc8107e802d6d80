// Rewrites grading results stored under version 1 as version 2 (src/grading/result-v1.ts), so
// every reader parses one schema. Idempotent: version 2 rows are left alone, so it can run at
// every start. Batched by id, one transaction per batch: a batch is written whole or not at all.
import { convertResultV1, ZGradingResultV1 } from "@/grading/result-v1";
import { RESULT_VERSION } from "@/grading/result-format";
import type { TDb } from "@/server/db-client";

export const MIGRATION_BATCH_SIZE = 200;

export class StoredResultError extends Error {
  constructor(
    readonly submissionId: string,
    detail: string,
  ) {
    super(`Submission ${submissionId} holds a grading result that is neither version 1 nor version ${RESULT_VERSION}: ${detail}`);
  }
}

function readVersion(result: unknown): unknown {
  return typeof result === "object" && result !== null && "version" in result ? result.version : undefined;
}

/**
 * Migrates every version 1 result; returns how many rows it rewrote. A row it cannot read stops
 * the run with a StoredResultError naming it (its batch is not written; earlier batches stay).
 */
export async function migrateStoredResults(db: TDb, options: { batchSize?: number } = {}): Promise<{ migrated: number }> {
  const batchSize = options.batchSize ?? MIGRATION_BATCH_SIZE;
  let migrated = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.submission.findMany({
      select: { id: true, result: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
    });
    if (rows.length === 0) return { migrated };
    cursor = rows[rows.length - 1].id;
    const stale = rows.filter((row) => row.result !== null && readVersion(row.result) !== RESULT_VERSION);
    if (stale.length === 0) continue;
    migrated += await db.$transaction(async (tx) => {
      let written = 0;
      for (const { id } of stale) {
        // Read again inside the transaction: a grading that finished meanwhile wrote version 2.
        const row = await tx.submission.findUniqueOrThrow({ where: { id }, select: { result: true } });
        if (row.result === null || readVersion(row.result) === RESULT_VERSION) continue;
        const v1 = ZGradingResultV1.safeParse(row.result);
        if (!v1.success) throw new StoredResultError(id, v1.error.message);
        await tx.submission.update({ where: { id }, data: { result: convertResultV1(v1.data) } });
        written++;
      }
      return written;
    });
  }
}
