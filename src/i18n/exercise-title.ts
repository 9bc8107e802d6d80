// An exercise's title in the reader's language. Titles are data (each statement's first heading,
// mirrored in the Exercise row's title and titleZh columns), not interface text; this is the one
// place that knows which column holds which language.
import { pickLocalized, type TLocale } from "./index";

export function exerciseTitle(exercise: { title: string; titleZh: string | null }, locale: TLocale): string {
  return pickLocalized(locale, { en: exercise.title, "zh-CN": exercise.titleZh });
}

/** The Exercise row's title columns for a folder's titles by locale (the other direction). */
export function exerciseTitleColumns(title: Record<TLocale, string>): { title: string; titleZh: string } {
  return { title: title.en, titleZh: title["zh-CN"] };
}
