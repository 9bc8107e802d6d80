// The grading entry point shared by the web server, the worker and the CLI: builds the cases,
// runs the student's file through the runner it is given, and returns one TGradingResult.
import type { TCaseOutcome, TJob, TJobResult, TLoadError, TRunner } from "@runner";
import { amidChinese, describeTimeLimit, judgeCase } from "./case-feedback";
import { diagnoseMistakes, weighCase, type TObservedCase } from "./diagnose";
import type { TGradingCase } from "./exercise-definition";
import { getExerciseDefinition, readExerciseMeta } from "./exercise-files";
import type { TExerciseMeta } from "./meta-schema";
import {
  capText,
  MAX_MESSAGE_LENGTH,
  MAX_STDOUT_LENGTH,
  RESULT_VERSION,
  ZGradingResult,
  type TBilingualText,
  type TCaseResult,
  type TGradingMode,
  type TGradingResult,
  type TGradingStatus,
} from "./result-schema";
import { ZJobResult } from "./runner-result-schema";
import { describeLoadErrorZh } from "./runner-text-zh";
import { drawSeed } from "./seeded-random";

export interface TGradeSubmissionOptions {
  /** exercise slug */
  exercise: string;
  /** the student's Python file */
  source: string;
  /** "run": the fixed sample cases; "submit": hidden cases drawn from a fresh (or the given) seed */
  mode: TGradingMode;
  /** overrides the sample seed (run) or the fresh seed (submit), e.g. to regrade a stored submission */
  seed?: number;
  runner: TRunner;
}

export class UnknownExerciseError extends Error {
  readonly code = "unknown-exercise";
  constructor(readonly slug: string) {
    super(`Unknown exercise "${slug}"`);
  }
}

/** Sends the job; a rejected promise or a malformed result is an infrastructure fault, never the student's. */
async function runJob(runner: TRunner, job: TJob): Promise<TJobResult> {
  let raw: unknown;
  try {
    raw = await runner.run(job);
  } catch (error) {
    return { gradable: false, reason: "The grader is temporarily unavailable.", operatorMessage: `runner.run threw: ${String(error)}` };
  }
  const parsed = ZJobResult.safeParse(raw);
  if (parsed.success && (!parsed.data.gradable || !parsed.data.load.ok || parsed.data.cases.length === job.cases.length)) {
    return parsed.data;
  }
  const problem = parsed.success ? `${parsed.data.gradable ? parsed.data.cases.length : 0} outcomes for ${job.cases.length} cases` : parsed.error.message;
  return { gradable: false, reason: "The grader is temporarily unavailable.", operatorMessage: `The runner returned an invalid result: ${problem}` };
}

/** The Chinese twin of a not-gradable reason: whatever the cause, the fault is ours and costs no attempt. */
const NOT_GRADABLE_ZH = "评测程序暂时不可用。你的代码没有被评测，也不计入提交次数。";

function describeLoadError(error: TLoadError, meta: TExerciseMeta): TBilingualText {
  const zh = describeLoadErrorZh(error, meta.functionName);
  if (error.kind !== "missing-function" && error.kind !== "not-callable") return { en: error.message, zh };
  return {
    en: `${error.message}\nExpected a function: def ${meta.signature}:`,
    zh: `${zh}\n需要定义的函数：def ${meta.signature}:`,
  };
}

/** Each language quotes the case by its own name: the English name stays the case's identifier. */
function describeStop({ name, nameZh }: TGradingCase, outcome: TCaseOutcome): TBilingualText | null {
  if (outcome.status === "timeout") {
    const kind = describeTimeLimit(outcome.limit);
    return {
      en: `Case "${name}" ran out of the ${outcome.limitSeconds} s ${kind.en} limit (for all cases together); later cases did not run. Correct solutions need a few milliseconds for all of them, so look for a loop that never ends.`,
      zh: `用例“${nameZh}”用完了 ${outcome.limitSeconds} 秒的${amidChinese(kind.zh)}限制（所有用例共用），后面的用例没有运行。正确的解法跑完全部用例只需几毫秒，请检查有没有永远不会结束的循环。`,
    };
  }
  if (outcome.status === "memory") {
    return {
      en: `Case "${name}" went over the ${outcome.limitMb} MiB memory limit.`,
      zh: `用例“${nameZh}”超出了 ${outcome.limitMb} MiB 的内存限制。`,
    };
  }
  return null;
}

function collectStdout(names: readonly string[], outcomes: readonly TCaseOutcome[]): { text: string; isCapped: boolean } {
  const parts = outcomes.flatMap((outcome, i) =>
    outcome.status !== "not-run" && outcome.stdout ? [`--- ${names[i]} ---\n${outcome.stdout}`] : [],
  );
  const text = parts.join("\n");
  return { text: capText(text, MAX_STDOUT_LENGTH), isCapped: text.length > MAX_STDOUT_LENGTH };
}

/** Cases are weighted (see weighCase); "all-or-nothing" exercises give the points only for every case. */
function scoreCases(meta: TExerciseMeta, caseResults: readonly TCaseResult[]): number {
  const isAllPassed = caseResults.every((result) => result.passed);
  if (meta.scoring === "all-or-nothing" || isAllPassed) return isAllPassed ? meta.points : 0;
  const earned = caseResults.reduce((sum, result) => sum + (result.passed ? result.points : 0), 0);
  return Math.round(earned * 100) / 100;
}

export async function gradeSubmission(options: TGradeSubmissionOptions): Promise<TGradingResult> {
  const startedAt = performance.now();
  const definition = getExerciseDefinition(options.exercise);
  if (!definition) throw new UnknownExerciseError(options.exercise);
  const meta = await readExerciseMeta(options.exercise);
  const isRun = options.mode === "run";
  const seed = options.seed ?? (isRun ? meta.cases.sampleSeed : drawSeed());
  const cases = definition.buildCases({
    seed,
    count: isRun ? meta.cases.sampleCount : meta.cases.hiddenCount,
    generator: meta.cases.generator,
  });
  const job: TJob = {
    source: options.source,
    functionName: meta.functionName,
    cases: cases.map((gradingCase) => gradingCase.runnerCase),
    limits: meta.limits,
  };
  const jobResult = await runJob(options.runner, job);

  const header = { version: RESULT_VERSION, exercise: options.exercise, mode: options.mode, maxScore: meta.points, seed };
  // messageZh is optional only for results stored before it existed: a fresh result always has it
  const finish = (result: Omit<TGradingResult, keyof typeof header | "timing"> & { messageZh: string | null }): TGradingResult =>
    ZGradingResult.parse({ ...header, ...result, timing: { wallMs: Math.round(performance.now() - startedAt) } });

  if (!jobResult.gradable) {
    return finish({
      status: "error",
      gradable: false,
      score: 0,
      message: jobResult.reason,
      messageZh: NOT_GRADABLE_ZH,
      operatorMessage: jobResult.operatorMessage,
      cases: [],
      diagnoses: [],
      stdout: "",
      stdoutTruncated: false,
    });
  }
  if (!jobResult.load.ok) {
    const error = jobResult.load.error;
    const described = describeLoadError(error, meta);
    return finish({
      status: error.kind === "timeout" ? "timeout" : "error",
      gradable: true,
      score: 0,
      message: capText(described.en, MAX_MESSAGE_LENGTH * 2),
      messageZh: capText(described.zh, MAX_MESSAGE_LENGTH * 2),
      operatorMessage: null,
      cases: [],
      diagnoses: [],
      stdout: capText(error.stdout ?? "", MAX_STDOUT_LENGTH),
      stdoutTruncated: jobResult.outputTruncated || (error.stdout ?? "").length > MAX_STDOUT_LENGTH,
    });
  }

  const weights = cases.map((gradingCase) => weighCase(gradingCase, meta.tolerance));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const caseResults: TCaseResult[] = [];
  const observed: TObservedCase[] = [];
  cases.forEach((gradingCase, i) => {
    const outcome = jobResult.cases[i];
    const points = (meta.points * weights[i]) / totalWeight;
    const verdict = judgeCase({ gradingCase, outcome, points, tolerance: meta.tolerance, output: definition.output });
    caseResults.push(verdict.result);
    if (outcome.status === "returned") observed.push({ gradingCase, returned: outcome.value });
    if (outcome.status === "raised") observed.push({ gradingCase, raised: outcome.error });
  });
  const passedCount = caseResults.filter((result) => result.passed).length;
  const stopIndex = jobResult.cases.findIndex((outcome) => outcome.status === "timeout" || outcome.status === "memory");
  const stop = stopIndex < 0 ? null : jobResult.cases[stopIndex];
  const stopText = stop ? describeStop(cases[stopIndex], stop) : null;
  const status: TGradingStatus =
    stop?.status === "timeout" ? "timeout" : stop ? "error" : passedCount === cases.length ? "passed" : "failed";
  const stdout = collectStdout(
    cases.map((gradingCase) => gradingCase.name),
    jobResult.cases,
  );
  return finish({
    status,
    gradable: true,
    score: scoreCases(meta, caseResults),
    message: stopText && capText(stopText.en, MAX_MESSAGE_LENGTH * 2),
    messageZh: stopText && capText(stopText.zh, MAX_MESSAGE_LENGTH * 2),
    operatorMessage: null,
    cases: caseResults,
    diagnoses: diagnoseMistakes(observed, meta.tolerance),
    stdout: stdout.text,
    stdoutTruncated: jobResult.outputTruncated || stdout.isCapped,
  });
}
