// The exercise catalogue: which exercises exist (the generated exercises/index.ts, whose static
// imports the bundler needs) and their files, read at run time from CONVLAB_EXERCISES_DIR.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { EXERCISE_DEFINITIONS } from "@exercises/index";
import type { TExerciseDefinition } from "./exercise-definition";
import { ZExerciseMeta, type TExerciseMeta } from "./meta-schema";

export interface TExerciseSummary {
  slug: string;
  /** each statement's first heading */
  title: { en: string; "zh-CN": string };
  points: number;
  order: number;
}

export interface TExercise {
  slug: string;
  meta: TExerciseMeta;
  title: TExerciseSummary["title"];
  /** Markdown with KaTeX math ($...$ and $$...$$) */
  statement: { en: string; "zh-CN": string };
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

/** Every exercise, in course order. */
export async function listExercises(): Promise<TExerciseSummary[]> {
  const summaries = await Promise.all(
    listExerciseSlugs().map(async (slug) => {
      const [meta, en, zh] = await Promise.all([
        readExerciseMeta(slug),
        readExerciseFile(slug, "statement.en.md"),
        readExerciseFile(slug, "statement.zh-CN.md"),
      ]);
      const title = { en: readStatementTitle(en, `${slug}/statement.en.md`), "zh-CN": readStatementTitle(zh, `${slug}/statement.zh-CN.md`) };
      return { slug, title, points: meta.points, order: meta.order };
    }),
  );
  return summaries.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

export async function getExercise(slug: string): Promise<TExercise | null> {
  if (!isExerciseSlug(slug)) return null;
  const [meta, en, zh, starter] = await Promise.all([
    readExerciseMeta(slug),
    readExerciseFile(slug, "statement.en.md"),
    readExerciseFile(slug, "statement.zh-CN.md"),
    readExerciseFile(slug, "starter.py"),
  ]);
  const title = { en: readStatementTitle(en, `${slug}/statement.en.md`), "zh-CN": readStatementTitle(zh, `${slug}/statement.zh-CN.md`) };
  return { slug, meta, title, statement: { en, "zh-CN": zh }, starter };
}
