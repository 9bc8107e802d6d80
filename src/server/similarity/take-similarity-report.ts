// How a grading process picks up similarity work, on either database: the SimilarityReport table
// is the queue (runSimilarityReport claims a row with a conditional update under this process's
// token, so two processes never run one report), and reports due by an assignment's deadline are
// queued first. Both grading queues call this from their poll, one report at a time per process.
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { queueDueSimilarityReports } from "./queue-due-similarity-reports";
import { runSimilarityReport } from "./run-similarity-report";

/** Runs the oldest queued report, if any; resolves when it is over. Never rejects. */
export async function takeSimilarityReport(db: TDb): Promise<void> {
  try {
    const queued = await queueDueSimilarityReports(db);
    if (queued > 0) log("similarity", "info", "queued similarity reports for assignments past their due date", { queued });
    const next = await db.similarityReport.findFirst({ where: { status: "queued" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!next) return;
    const outcome = await runSimilarityReport(db, { reportId: next.id });
    log("similarity", "info", "similarity run ended", { reportId: next.id, outcome });
  } catch (error) {
    log("similarity", "error", "could not take similarity work", { error: String(error) });
  }
}
