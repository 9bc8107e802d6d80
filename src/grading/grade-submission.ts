// The grading entry point shared by the web server, the worker and the CLI: builds the cases,
// runs the student's file through the runner it is given (under capped limits for a first,
// short attempt), and returns one TGradingResult and whether it stopped at the cap.
import { setImmediate } from "node:timers/promises";
import type { TCaseOutcome, TJob, TJobResult, TLoadError, TRunner } from "@runner";
import { describeEnding, describeTimeLimit, judgeCase, pythonText } from "./case-feedback";
import type { TTolerance } from "./compare-output";
import { diagnoseMistakes, weighCase, type TObservedCase } from "./diagnose";
import type { TGradingCase } from "./exercise-definition";
import { getExerciseDefinition, readExerciseFile, readExerciseMeta } from "./exercise-files";
import { capLimits, type TLimitCap } from "./limit-cap";
import type { TExerciseMeta } from "./meta-schema";
import { capText, MAX_STDOUT_LENGTH, message, RESULT_VERSION, type TMessage } from "./result-format";
import { ZGradingResult, type TCaseResult, type TGradingMode, type TGradingResult, type TGradingStatus } from "./result-schema";
import { ZJobResult } from "./runner-result-schema";
import { drawSeed } from "./seeded-random";
import { scoreCases } from "./score-cases";

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
  /** lowers the exercise's CPU and wall limits for a first, short attempt (the queue's fast lane) */
  limitCap?: TLimitCap;
}

export interface TGraded {
  result: TGradingResult;
  /** the attempt timed out at a limit that limitCap lowered: not a verdict, grade it again uncapped */
  stoppedAtCap: boolean;
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

/**
 * Each case's scoring weight, computed while the sandbox runs the student's file: it needs the
 * reference's and the mistakes' outputs, most of the grader's own work (build-cnn: hundreds of
 * milliseconds of convolutions, several times the sandbox's time). One case per turn of the event
 * loop, so that the runner's messages to and from the sandbox are handled in between. Stops when
 * the job ends without the student's file loaded: then no case is judged.
 */
async function weighWhileRunning(cases: readonly TGradingCase[], tolerance: TTolerance, running: Promise<TJobResult>): Promise<number[]> {
  const ended = { withoutCases: false };
  void running.then((result) => (ended.withoutCases = !result.gradable || !result.load.ok));
  const weights: number[] = [];
  for (const gradingCase of cases) {
    await setImmediate();
    if (ended.withoutCases) break;
    weights.push(weighCase(gradingCase, tolerance));
  }
  return weights;
}

function describeLoadError(error: TLoadError, meta: TExerciseMeta): TMessage {
  switch (error.kind) {
    case "syntax": {
      const { type, message: text, line } = error.error;
      const params = { type: pythonText(type), message: pythonText(text) };
      return line === null ? message("loadSyntaxNoLine", params) : message("loadSyntax", { ...params, line });
    }
    case "missing-function":
      return message("loadMissingFunction", {
        name: meta.functionName,
        suggestion: error.suggestion === null ? null : message("didYouMean", { name: pythonText(error.suggestion) }),
        signature: meta.signature,
      });
    case "not-callable":
      return message("loadNotCallable", { name: meta.functionName, pyType: pythonText(error.pyType), signature: meta.signature });
    case "import":
    case "exception":
    case "memory": {
      const { type, message: text, line } = error.error;
      const [shownType, shownText] = [pythonText(type), pythonText(text)];
      return message(error.kind === "memory" ? "loadMemory" : "loadException", {
        type: shownType,
        message: shownText,
        error: shownText ? message("pythonError", { type: shownType, message: shownText }) : message("pythonErrorBare", { type: shownType }),
        where: line === null ? message("loadWhere") : message("loadWhereLine", { line }),
        // Chinese closes the sentence unless Python's message already did
        stop: /[.!?\u3002\uff1f\uff01]$/.test(shownText || shownType) ? null : message("fullStop"),
        extra: error.kind === "import" ? message("importHint") : null,
      });
    }
    case "timeout":
      return message("loadTimeout", {
        seconds: error.limitSeconds,
        limit: message(error.limit === "cpu" ? "loadLimitCpu" : "loadLimitWall"),
      });
    case "ended":
      return message("loadEnded", { ending: describeEnding(error.ending) });
  }
}

/** What stopped the program during a case, quoting the case by its name. */
function describeStop({ title }: TGradingCase, outcome: TCaseOutcome): TMessage | null {
  if (outcome.status === "timeout") {
    return message("stopTimeout", { case: title, seconds: outcome.limitSeconds, limit: describeTimeLimit(outcome.limit) });
  }
  if (outcome.status === "memory") return message("stopMemory", { case: title, limitMb: outcome.limitMb });
  return null;
}

function collectStdout(names: readonly string[], outcomes: readonly TCaseOutcome[]): { text: string; isCapped: boolean } {
  const parts = outcomes.flatMap((outcome, i) =>
    outcome.status !== "not-run" && outcome.stdout ? [`--- ${names[i]} ---\n${outcome.stdout}`] : [],
  );
  const text = parts.join("\n");
  return { text: capText(text, MAX_STDOUT_LENGTH), isCapped: text.length > MAX_STDOUT_LENGTH };
}

export async function gradeSubmission(options: TGradeSubmissionOptions): Promise<TGraded> {
  const capped = options.limitCap ? capLimits(options.runner, options.limitCap) : null;
  const result = await gradeWithRunner({ ...options, runner: capped?.runner ?? options.runner });
  // A timeout at a lowered limit, or a lowered wall limit that passed before the job started.
  return { result, stoppedAtCap: (result.status === "timeout" || !result.gradable) && (capped?.stoppedByCap() ?? false) };
}

async function gradeWithRunner(options: TGradeSubmissionOptions): Promise<TGradingResult> {
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
    sandbox: meta.sandbox,
    ...(meta.driver ? { driver: { source: await readExerciseFile(options.exercise, meta.driver.file), functionName: meta.driver.functionName } } : {}),
  };
  const running = runJob(options.runner, job);
  const weights = await weighWhileRunning(cases, meta.tolerance, running);
  const jobResult = await running;

  const header = { version: RESULT_VERSION, exercise: options.exercise, mode: options.mode, maxScore: meta.points, seed };
  const finish = (result: Omit<TGradingResult, keyof typeof header | "timing">): TGradingResult =>
    ZGradingResult.parse({ ...header, ...result, timing: { wallMs: Math.round(performance.now() - startedAt) } });

  if (!jobResult.gradable) {
    return finish({
      status: "error",
      gradable: false,
      score: 0,
      message: message("notGradable"),
      operatorMessage: jobResult.operatorMessage,
      cases: [],
      diagnoses: [],
      stdout: "",
      stdoutTruncated: false,
    });
  }
  if (!jobResult.load.ok) {
    const error = jobResult.load.error;
    return finish({
      status: error.kind === "timeout" ? "timeout" : "error",
      gradable: true,
      score: 0,
      message: describeLoadError(error, meta),
      operatorMessage: null,
      cases: [],
      diagnoses: [],
      stdout: capText(error.stdout ?? "", MAX_STDOUT_LENGTH),
      stdoutTruncated: jobResult.outputTruncated || (error.stdout ?? "").length > MAX_STDOUT_LENGTH,
    });
  }

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

  const status: TGradingStatus =
    stop?.status === "timeout" ? "timeout" : stop ? "error" : passedCount === cases.length ? "passed" : "failed";
  const stdout = collectStdout(
    cases.map((gradingCase) => gradingCase.name),
    jobResult.cases,
  );
  return finish({
    status,
    gradable: true,
    score: scoreCases(meta.scoring, meta.points, caseResults),
    message: stop ? describeStop(cases[stopIndex], stop) : null,
    operatorMessage: null,
    cases: caseResults,
    diagnoses: diagnoseMistakes(observed, meta.tolerance),
    stdout: stdout.text,
    stdoutTruncated: jobResult.outputTruncated || stdout.isCapped,
  });
}
