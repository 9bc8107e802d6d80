// "Copy this case": one case of a grading as a runnable numpy script, for whoever may see that
// case's data. Sample cases are public to everyone who may run them; a submission's hidden cases
// go through the same viewing and redaction rules as its result (getSubmissionView), so a case
// whose data the viewer would see redacted is refused here too, before anything is rebuilt.
import { buildCaseSnippet, CaseNotFoundError } from "@/grading/case-snippet";
import { readExerciseMeta } from "@/grading/exercise-files";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TSessionUser } from "@/server/permissions/roles";
import { getSubmissionView } from "./get-submission-view";
import { loadSampleExercise } from "./run-samples";

export interface TCaseSnippet {
  caseName: string;
  snippet: string;
}

async function rebuild(options: Parameters<typeof buildCaseSnippet>[0]): Promise<TCaseSnippet> {
  try {
    const { name, snippet } = await buildCaseSnippet(options);
    return { caseName: name, snippet };
  } catch (error) {
    if (error instanceof CaseNotFoundError) throw new AppError("not_found", "caseNotRebuildable");
    throw error;
  }
}

export async function getSampleCaseSnippet(
  db: TDb,
  options: { user: TSessionUser; assignmentId: string; slug: string; caseIndex: number },
): Promise<TCaseSnippet> {
  const { exercise } = await loadSampleExercise(db, options);
  const meta = await readExerciseMeta(exercise.slug);
  return rebuild({ exercise: exercise.slug, mode: "run", seed: meta.cases.sampleSeed, caseIndex: options.caseIndex });
}

export async function getSubmissionCaseSnippet(
  db: TDb,
  options: { user: TSessionUser; submissionId: string; caseIndex: number; now?: Date },
): Promise<TCaseSnippet> {
  const { result } = await getSubmissionView(db, options);
  const shownCase = result?.cases[options.caseIndex];
  if (!result || !shownCase) throw new AppError("not_found", "caseNotRebuildable");
  if ("detailsHiddenUntil" in result || result.seed === null) throw new AppError("forbidden", "caseDataHidden");
  return rebuild({ exercise: result.exercise, mode: result.mode, seed: result.seed, caseIndex: options.caseIndex, caseName: shownCase.name });
}
