// The analytics page words what the database stores (exercise titles, the grader's diagnoses) on
// the server, so the chart component receives plain strings in the reader's language and knows
// nothing of how results are stored.
import { renderMessage, type TMessage } from "@/grading/result-format";
import type { TLocale } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { mistakeTitle } from "@/i18n/mistake-titles";
import type { TDiagnosisCount, TExerciseStats } from "@/server/grades/compute-exercise-analytics";
import type { TAssignmentAnalytics } from "@/server/grades/get-exercise-analytics";

export interface TWordedDiagnosis {
  code: string;
  /** short, for a chart axis */
  title: string;
  /** the grader's full sentence */
  text: string;
  students: number;
  submissions: number;
}

export interface TWordedExerciseAnalytics {
  id: string;
  slug: string;
  title: string;
  stats: Omit<TExerciseStats, "diagnoses"> & { diagnoses: TWordedDiagnosis[] };
}

/** The one place that reads a stored diagnosis's text: a new result format changes only this. */
export function wordMistake(code: string, message: TMessage, locale: TLocale): { title: string; text: string } {
  const text = renderMessage(message, locale);
  // A code no title table knows (from an older grader) keeps its sentence rather than a blank bar.
  return { text, title: mistakeTitle(code, locale) ?? text };
}

function wordDiagnosis(diagnosis: TDiagnosisCount, locale: TLocale): TWordedDiagnosis {
  const { code, students, submissions } = diagnosis;
  return { code, students, submissions, ...wordMistake(code, diagnosis.message, locale) };
}

export function wordAnalytics(analytics: TAssignmentAnalytics, locale: TLocale): TWordedExerciseAnalytics[] {
  return analytics.exercises.map((exercise) => ({
    id: exercise.id,
    slug: exercise.slug,
    title: exerciseTitle(exercise, locale),
    stats: { ...exercise.stats, diagnoses: exercise.stats.diagnoses.map((d) => wordDiagnosis(d, locale)) },
  }));
}
