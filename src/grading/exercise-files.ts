// The exercise catalogue: which exercises exist (the generated exercises/index.ts, whose static
// imports the bundler needs) and their files, read at run time from CONVLAB_EXERCISES_DIR.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { LOCALES, type TLocale } from "@/i18n/index";
import { EXERCISE_DEFINITIONS } from "@exercises/index";
import type { TExerciseDefinition } from "./exercise-definition";
import { ZExerciseMeta, type TExerciseMeta } from "./meta-schema";

export interface TExerciseSummary {
  slug: string;
  /** each statement's first heading */
  title: Record<TLocale, string>;
  points: number;
  order: number;
}

export interface TExercise {
  slug: string;
  meta: TExerciseMeta;
  title: TExerciseSummary["title"];
  /** Markdown with KaTeX math ($...$ and $$...$$) */
  statement: Record<TLocale, string>;
  starter: string;
}

export function getExercisesDir(): string {
  return process.env.CONVLAB_EXERCISES_DIR ?? path.join(process.cwd(), "exercises");
}

export function listExerciseSlugs(): string[] {
  return Object.keys(EXERCISE_DEFINITIONS);
}

/** Only slugs in the index are accepted, so a slug can never walk outside the exercises folder. */
export function isExerciseSlug(slug: string): boolean {
  return Object.hasOwn(EXERCISE_DEFINITIONS, slug);
}

export function getExerciseDefinition(slug: string): TExerciseDefinition | null {
  return isExerciseSlug(slug) ? EXERCISE_DEFINITIONS[slug] : null;
}

export async function readExerciseFile(slug: string, file: string): Promise<string> {
  if (!isExerciseSlug(slug)) throw new Error(`Unknown exercise "${slug}"`);
  // a folder chosen at run time: without the hint the bundler would trace the whole project
  return readFile(path.join(/*turbopackIgnore: true*/ getExercisesDir(), slug, file), "utf8");
}

export async function readExerciseMeta(slug: string): Promise<TExerciseMeta> {
  return ZExerciseMeta.parse(JSON.parse(await readExerciseFile(slug, "meta.json")));
}

/** The title of a statement: its first "# " heading. */
export function readStatementTitle(statement: string, file: string): string {
  const heading = /^# +(.+?) *$/m.exec(statement)?.[1];
  if (!heading) throw new Error(`${file} must start with a "# " heading: it is the exercise's title`);
  return heading;
}

/** The statement in every language of LOCALES: statement.<locale>.md, one file per language. */
async function readStatements(slug: string): Promise<Record<TLocale, string>> {
  const texts = await Promise.all(LOCALES.map((locale) => readExerciseFile(slug, `statement.${locale}.md`)));
  return Object.fromEntries(LOCALES.map((locale, i) => [locale, texts[i]!])) as Record<TLocale, string>;
}

function readTitles(slug: string, statement: Record<TLocale, string>): Record<TLocale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, readStatementTitle(statement[locale], `${slug}/statement.${locale}.md`)])) as Record<TLocale, string>;
}

/** Every exercise, in course order. */
export async function listExercises(): Promise<TExerciseSummary[]> {
  const summaries = await Promise.all(
    listExerciseSlugs().map(async (slug) => {
      const [meta, statement] = await Promise.all([readExerciseMeta(slug), readStatements(slug)]);
      return { slug, title: readTitles(slug, statement), points: meta.points, order: meta.order };
    }),
  );
  return summaries.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

export async function getExercise(slug: string): Promise<TExercise | null> {
  if (!isExerciseSlug(slug)) return null;
  const [meta, statement, starter] = await Promise.all([readExerciseMeta(slug), readStatements(slug), readExerciseFile(slug, "starter.py")]);
  return { slug, meta, title: readTitles(slug, statement), statement, starter };
}
