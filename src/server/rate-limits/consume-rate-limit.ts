// Rate limits that hold across every web server of a site: one bucket per limit and subject in
// the database (rate_limit_bucket), kept as a GCRA time ("the bucket is empty again at emptyAt")
// and moved by compare-and-set, so concurrent requests on any number of processes never pass
// more than the limit together. A limit of N per window W lets N through at once, then one more
// every W/N; a refusal says exactly when the next use fits.
import type { TDb } from "@/server/db-client";
import type { TRateLimit } from "@/server/env";
import { AppError, type TMessageKey, type TMessageParams } from "@/server/errors";

/** Compare-and-set rounds before a request is refused as if limited (only under extreme contention on one key). */
const MAX_ROUNDS = 50;
const PRUNE_EVERY_MS = 60_000;

export type TConsumeResult = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

export interface TConsumeOptions {
  /** the limit and whom it counts, e.g. "sign-in-account:ada@example.edu" */
  key: string;
  limit: TRateLimit;
  /** units of the limit this use takes; default 1 */
  cost?: number;
  /** take the units even beyond the limit (to charge what a use turned out to cost, after the fact) */
  isForced?: boolean;
  now?: Date;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

export async function consumeRateLimit(db: TDb, options: TConsumeOptions): Promise<TConsumeResult> {
  const now = (options.now ?? new Date()).getTime();
  const windowMs = options.limit.windowSeconds * 1000;
  const costMs = ((options.cost ?? 1) * windowMs) / options.limit.count;
  void pruneExpiredBuckets(db, now);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await db.rateLimitBucket.findUnique({ where: { key: options.key } });
    const emptyAt = Math.max(row?.emptyAt.getTime() ?? 0, now);
    const next = emptyAt + costMs;
    if (!options.isForced && next - now > windowMs) {
      return { isAllowed: false, retryAfterSeconds: (next - windowMs - now) / 1000 };
    }
    if (!row) {
      try {
        await db.rateLimitBucket.create({ data: { key: options.key, emptyAt: new Date(next) } });
        return { isAllowed: true };
      } catch (error) {
        // Another request created the bucket first: read it again.
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    const { count } = await db.rateLimitBucket.updateMany({ where: { key: options.key, emptyAt: row.emptyAt }, data: { emptyAt: new Date(next) } });
    if (count === 1) return { isAllowed: true };
  }
  return { isAllowed: false, retryAfterSeconds: 1 };
}

/** consumeRateLimit that throws the refusal as a 429 with Retry-After and a message saying when ({wait}). */
export async function enforceRateLimit(
  db: TDb,
  options: Omit<TConsumeOptions, "limit"> & { limit: TRateLimit | null; message: TMessageKey; params?: TMessageParams },
): Promise<void> {
  if (!options.limit) return;
  const result = await consumeRateLimit(db, { ...options, limit: options.limit });
  if (!result.isAllowed) {
    throw new AppError("rate_limited", options.message, options.params, { retryAfterSeconds: result.retryAfterSeconds });
  }
}

const pruneKey = Symbol.for("convlab.rate-limit-pruned-at");
type TGlobal = typeof globalThis & { [pruneKey]?: number };

/** A bucket whose time has passed is the same as none: delete such rows now and then. */
async function pruneExpiredBuckets(db: TDb, now: number): Promise<void> {
  const g = globalThis as TGlobal;
  if (now - (g[pruneKey] ?? 0) < PRUNE_EVERY_MS) return;
  g[pruneKey] = now;
  await db.rateLimitBucket.deleteMany({ where: { emptyAt: { lt: new Date(now) } } }).catch(() => {
    // Pruning is housekeeping: the next round tries again.
  });
}
