// Runs a queued similarity report in whichever grading process took it: claims the row (queued →
// running under this process's token), gathers each student's best (else latest) submission of
// the exercise in the assignment and in the comparison courses, runs the engine with the
// exercise's starter as template, and stores entries, pairs and clusters in one transaction.
// Every write is conditional on the report still running under this token, so a cancel (status
// → cancelled) makes the run stop and store nothing. Never rejects.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Prisma } from "@/generated/prisma/client";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import { analyzeSimilarity, loadDolos, type TSimilarityPair } from "./analyze-similarity";
import { findClusters } from "./find-clusters";
import { getSimilarityOwnerToken } from "./similarity-activity";
import { ZComparisonCourseIds } from "./similarity-schemas";
import { DEFAULT_SIMILARITY_THRESHOLD, STORED_SIMILARITY_FLOOR } from "./similarity-threshold";

export type TSimilarityRunOutcome = "finished" | "failed" | "not-claimed" | "lost";

class LostReportError extends Error {}

interface TAnswer {
  submissionId: string;
  code: string;
}

/** Each student's best graded submission of the exercise (latest among equals), else their latest. */
async function loadAnswers(db: TDb, report: { assignmentId: string; exerciseId: string; comparisonCourseIds: string[] }): Promise<TAnswer[]> {
  const submissions = await db.submission.findMany({
    where: {
      exerciseId: report.exerciseId,
      mode: "submit",
      OR: [{ assignmentId: report.assignmentId }, ...(report.comparisonCourseIds.length > 0 ? [{ courseId: { in: report.comparisonCourseIds } }] : [])],
    },
    orderBy: { receivedAt: "desc" },
    select: { id: true, userId: true, courseId: true, assignmentId: true, score: true, code: true },
  });
  const best = new Map<string, (typeof submissions)[number]>();
  for (const submission of submissions) {
    // A student of this assignment who is also in a comparison course is compared once per course.
    const key = `${submission.assignmentId === report.assignmentId ? "here" : submission.courseId}|${submission.userId}`;
    const chosen = best.get(key);
    if (!chosen || (submission.score ?? -1) > (chosen.score ?? -1)) best.set(key, submission);
  }
  return [...best.values()].map((submission) => ({ submissionId: submission.id, code: submission.code }));
}

export async function runSimilarityReport(db: TDb, options: { reportId: string; exercisesDir?: string }): Promise<TSimilarityRunOutcome> {
  const { reportId } = options;
  const ownerToken = getSimilarityOwnerToken();
  const isOurs = { id: reportId, status: "running" as const, ownerToken };
  const writeReport = async (data: { total?: number; done?: number }) => {
    const written = await db.similarityReport.updateMany({ where: isOurs, data: { ...data, heartbeatAt: new Date() } });
    if (written.count !== 1) throw new LostReportError("the report is no longer running under this process");
  };
  try {
    const claimed = await db.similarityReport.updateMany({
      where: { id: reportId, status: "queued" },
      data: { status: "running", ownerToken, heartbeatAt: new Date() },
    });
    if (claimed.count !== 1) return "not-claimed";
    const report = await db.similarityReport.findUniqueOrThrow({ where: { id: reportId }, include: { exercise: { select: { slug: true } } } });
    const answers = await loadAnswers(db, { ...report, comparisonCourseIds: ZComparisonCourseIds.parse(report.comparisonCourseIds) });
    await writeReport({ total: answers.length, done: 0 });

    const dolos = await loadDolos();
    if (dolos instanceof Error) {
      log("similarity", "error", "the similarity parser cannot load", { reportId, error: dolos.message });
      await db.similarityReport.updateMany({ where: isOurs, data: { status: "failed", errorKey: "similarityParserMissing", finishedAt: new Date() } });
      return "failed";
    }
    const exercisesDir = options.exercisesDir ?? path.join(process.cwd(), "exercises");
    const template = await readFile(path.join(exercisesDir, report.exercise.slug, "starter.py"), "utf8").catch(() => "");
    const { pairs } = await analyzeSimilarity(dolos, {
      files: answers.map((answer) => ({ key: answer.submissionId, code: answer.code })),
      template,
      minSimilarity: STORED_SIMILARITY_FLOOR,
    });
    await storeResults(db, { reportId, ownerToken, answers, pairs });
    log("similarity", "info", "similarity report finished", { reportId, submissions: answers.length, pairs: pairs.length });
    return "finished";
  } catch (error) {
    if (error instanceof LostReportError) {
      log("similarity", "info", "similarity report stopped: cancelled or taken over", { reportId });
      return "lost";
    }
    log("similarity", "error", "similarity report failed", { reportId, error: String(error), stack: (error as Error)?.stack });
    await db.similarityReport
      .updateMany({ where: isOurs, data: { status: "failed", errorKey: "similarityServerError", finishedAt: new Date() } })
      .catch((writeError: unknown) => log("similarity", "error", "could not mark the similarity report failed", { reportId, error: String(writeError) }));
    return "failed";
  }
}

async function storeResults(
  db: TDb,
  options: { reportId: string; ownerToken: string; answers: TAnswer[]; pairs: TSimilarityPair[] },
): Promise<void> {
  const clusters = findClusters(options.pairs.filter((pair) => pair.similarity >= DEFAULT_SIMILARITY_THRESHOLD));
  await db.$transaction(async (tx) => {
    // Inside the transaction, so a cancel that lands first leaves nothing half-written.
    const finished = await tx.similarityReport.updateMany({
      where: { id: options.reportId, status: "running", ownerToken: options.ownerToken },
      data: { status: "done", done: options.answers.length, finishedAt: new Date(), heartbeatAt: new Date() },
    });
    if (finished.count !== 1) throw new LostReportError("the report is no longer running under this process");
    await tx.similarityEntry.createMany({
      data: options.answers.map((answer) => ({ reportId: options.reportId, submissionId: answer.submissionId, cluster: clusters.get(answer.submissionId) ?? null })),
    });
    const entries = await tx.similarityEntry.findMany({ where: { reportId: options.reportId }, select: { id: true, submissionId: true } });
    const entryOf = new Map(entries.map((entry) => [entry.submissionId, entry.id]));
    await tx.similarityPair.createMany({
      data: options.pairs.map((pair) => ({
        reportId: options.reportId,
        leftEntryId: entryOf.get(pair.leftKey)!,
        rightEntryId: entryOf.get(pair.rightKey)!,
        similarity: pair.similarity,
        longestFragment: pair.longestFragment,
        fragments: pair.fragments as unknown as Prisma.InputJsonValue,
      })),
    });
  });
}
