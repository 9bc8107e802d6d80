// The numbers behind an exercise's analytics, from its graded submissions: how many students
// passed, how many attempts and how long it took them, and which mistakes the grader named most.
import { z } from "zod";
import type { TMessage } from "@/grading/result-format";
import { ZDiagnosis, type TDiagnosis } from "@/grading/result-schema";
import { groupBy } from "./group-by";

const ATTEMPT_BUCKETS = ["1", "2", "3", "4", "5", "6-10", "11+"] as const;
export type TAttemptBucket = (typeof ATTEMPT_BUCKETS)[number];

const TIME_BUCKETS = ["first-try", "under-10m", "10m-1h", "1h-6h", "6h-1d", "over-1d"] as const;
export type TTimeBucket = (typeof TIME_BUCKETS)[number];

/** How many diagnoses an exercise's chart shows: the long tail says little and crowds the axis. */
const TOP_DIAGNOSES = 5;

export interface TAnalyticsSubmission {
  userId: string;
  status: string;
  receivedAt: Date;
  /** the stored result JSON, read only for its diagnoses */
  result: unknown;
}

export interface TDiagnosisCount {
  code: string;
  /** worded in the reader's language by the page (renderMessage) */
  message: TMessage;
  /** graded submissions the grader gave this diagnosis */
  submissions: number;
  /** distinct students who got it at least once */
  students: number;
}

export interface TExerciseStats {
  attemptedCount: number;
  passedCount: number;
  /** passed / attempted, null when nobody attempted */
  passRate: number | null;
  attemptsToPass: { bucket: TAttemptBucket; students: number }[];
  medianAttemptsToPass: number | null;
  timeToPass: { bucket: TTimeBucket; students: number }[];
  /** from a student's first graded submission to their first passing one */
  medianMinutesToPass: number | null;
  diagnoses: TDiagnosisCount[];
}

const ZDiagnoses = z.object({ diagnoses: z.array(ZDiagnosis) });

/** The diagnoses of a stored result; none when it holds none in the current format. */
export function diagnosesOf(result: unknown): TDiagnosis[] {
  const parsed = ZDiagnoses.safeParse(result);
  return parsed.success ? parsed.data.diagnoses : [];
}

function bucketOfAttempts(attempts: number): TAttemptBucket {
  if (attempts <= 5) return String(attempts) as TAttemptBucket;
  return attempts <= 10 ? "6-10" : "11+";
}

function bucketOfMinutes(attempts: number, minutes: number): TTimeBucket {
  if (attempts === 1) return "first-try";
  if (minutes < 10) return "under-10m";
  if (minutes < 60) return "10m-1h";
  if (minutes < 360) return "1h-6h";
  return minutes < 1440 ? "6h-1d" : "over-1d";
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function countBuckets<B extends string>(buckets: readonly B[], picked: readonly B[]): { bucket: B; students: number }[] {
  return buckets.map((bucket) => ({ bucket, students: picked.filter((p) => p === bucket).length }));
}

/** `submissions` are the graded (scored) submit-mode submissions of one exercise in one assignment. */
export function computeExerciseStats(submissions: readonly TAnalyticsSubmission[]): TExerciseStats {
  const byStudent = groupBy(
    [...submissions].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()),
    (s) => s.userId,
  );
  const attemptsToPass: number[] = [];
  const minutesToPass: number[] = [];
  const timeBuckets: TTimeBucket[] = [];
  for (const history of byStudent.values()) {
    const firstPass = history.findIndex((s) => s.status === "passed");
    if (firstPass < 0) continue;
    const minutes = (history[firstPass]!.receivedAt.getTime() - history[0]!.receivedAt.getTime()) / 60_000;
    attemptsToPass.push(firstPass + 1);
    minutesToPass.push(minutes);
    timeBuckets.push(bucketOfMinutes(firstPass + 1, minutes));
  }

  const diagnoses = new Map<string, TDiagnosisCount & { studentIds: Set<string> }>();
  for (const submission of submissions) {
    const found = diagnosesOf(submission.result);
    for (const code of new Set(found.map((d) => d.code))) {
      const diagnosis = found.find((d) => d.code === code)!;
      const entry = diagnoses.get(code) ?? { code, message: diagnosis.message, submissions: 0, students: 0, studentIds: new Set<string>() };
      entry.submissions += 1;
      entry.studentIds.add(submission.userId);
      entry.students = entry.studentIds.size;
      diagnoses.set(code, entry);
    }
  }

  const attemptedCount = byStudent.size;
  const passedCount = attemptsToPass.length;
  return {
    attemptedCount,
    passedCount,
    passRate: attemptedCount === 0 ? null : passedCount / attemptedCount,
    attemptsToPass: countBuckets(ATTEMPT_BUCKETS, attemptsToPass.map(bucketOfAttempts)),
    medianAttemptsToPass: median(attemptsToPass),
    timeToPass: countBuckets(TIME_BUCKETS, timeBuckets),
    medianMinutesToPass: median(minutesToPass),
    diagnoses: [...diagnoses.values()]
      .sort((a, b) => b.students - a.students || b.submissions - a.submissions || a.code.localeCompare(b.code))
      .slice(0, TOP_DIAGNOSES)
      .map(({ code, message, submissions, students }) => ({ code, message, submissions, students })),
  };
}
