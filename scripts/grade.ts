// Grades one Python file from the command line through the real sandbox, as a Submit would:
//   npm run --silent grade -- --exercise <slug> --file <path.py> [--seed <int>] [--mode run|submit] [--lang en|zh-CN] [--json]
// The report is worded in --lang (default en).
// Exit code: 0 full score, 1 any graded result below it, 2 usage error or sandbox unavailable.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createRunner } from "@runner";
import { isExerciseSlug, listExerciseSlugs } from "@/grading/exercise-files";
import { gradeSubmission } from "@/grading/grade-submission";
import { MAX_MESSAGE_LENGTH, renderMessage } from "@/grading/result-format";
import type { TGradingResult } from "@/grading/result-schema";
import { LOCALES, type TLocale } from "@/i18n";
import { MAX_SEED } from "@/grading/seeded-random";

const USAGE =
  "Usage: npm run --silent grade -- --exercise <slug> --file <path.py> [--seed <int>] [--mode run|submit] [--lang en|zh-CN] [--json]";

const ZGradeArgs = z.object({
  exercise: z.string({ error: "--exercise <slug> is required" }).refine(isExerciseSlug, {
    error: (issue) => `Unknown exercise "${String(issue.input)}". Exercises: ${listExerciseSlugs().join(", ")}`,
  }),
  file: z.string({ error: "--file <path.py> is required" }).min(1),
  seed: z
    .string()
    .regex(/^\d+$/, { error: "--seed must be a whole number" })
    .transform(Number)
    .pipe(z.number().max(MAX_SEED, { error: `--seed must be at most ${MAX_SEED}` }))
    .optional(),
  mode: z.enum(["run", "submit"], { error: "--mode must be run or submit" }).default("submit"),
  lang: z.enum(LOCALES, { error: `--lang must be one of ${LOCALES.join(", ")}` }).default("en"),
  json: z.boolean().default(false),
});

class UsageError extends Error {}

function parseCommandLine(argv: string[]): z.infer<typeof ZGradeArgs> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        exercise: { type: "string" },
        file: { type: "string" },
        seed: { type: "string" },
        mode: { type: "string" },
        lang: { type: "string" },
        json: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = ZGradeArgs.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return parsed.data;
}

async function readSource(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `File not found: ${file}` : `Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The result's text worded in `lang`; `name` stays each case's identifier. */
function toJsonReport(result: TGradingResult, lang: TLocale) {
  return {
    exercise: result.exercise,
    status: result.status,
    score: result.score,
    maxScore: result.maxScore,
    seed: result.seed,
    message: result.message && renderMessage(result.message, lang, MAX_MESSAGE_LENGTH * 2),
    cases: result.cases.map(({ name, title, passed, message }) => ({
      name,
      title: renderMessage(title, lang),
      passed,
      message: renderMessage(message, lang, MAX_MESSAGE_LENGTH),
    })),
    diagnoses: result.diagnoses.map(({ code, message }) => ({ code, message: renderMessage(message, lang) })),
  };
}

function formatReport(result: TGradingResult, lang: TLocale): string {
  const lines = [`${result.exercise} (${result.mode}, seed ${result.seed})`];
  if (result.message) lines.push("", renderMessage(result.message, lang, MAX_MESSAGE_LENGTH * 2));
  if (result.cases.length > 0) lines.push("");
  for (const entry of result.cases) {
    const title = renderMessage(entry.title, lang);
    const text = renderMessage(entry.message, lang, MAX_MESSAGE_LENGTH);
    lines.push(entry.passed ? `  ✓ ${title}` : `  ✗ ${title}\n      ${text.replace(/\n/g, "\n      ")}`);
  }
  if (result.diagnoses.length > 0) {
    lines.push("", "Likely mistake:");
    for (const diagnosis of result.diagnoses) lines.push(`  - ${renderMessage(diagnosis.message, lang)} [${diagnosis.code}]`);
  }
  if (result.stdout) lines.push("", "Printed output:", result.stdout);
  const passed = result.cases.filter((entry) => entry.passed).length;
  lines.push("", `Score: ${result.score} / ${result.maxScore} (${result.status}, ${passed}/${result.cases.length} cases passed)`);
  return lines.join("\n");
}

async function main(): Promise<number> {
  const args = parseCommandLine(process.argv.slice(2));
  const source = await readSource(args.file);
  const runner = createRunner({ mode: "cold", poolSize: 1 });
  let result: TGradingResult;
  try {
    ({ result } = await gradeSubmission({ exercise: args.exercise, source, mode: args.mode, seed: args.seed, runner }));
  } finally {
    await runner.close();
  }
  if (!result.gradable) {
    console.error(`The sandbox could not grade the file: ${result.operatorMessage ?? ""}`.trim());
    return 2;
  }
  console.log(args.json ? JSON.stringify(toJsonReport(result, args.lang)) : formatReport(result, args.lang));
  return result.score === result.maxScore ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : `Grading failed: ${String(error)}`);
    process.exitCode = 2;
  },
);
