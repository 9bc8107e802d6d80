// Interface text in English and Simplified Chinese. Each feature keeps its own message table
// (src/i18n/<feature>.ts built with defineMessages) so features never edit one shared file.
// LOCALES is the one list of languages: adding one means adding it here and a table per feature
// (TypeScript and src/i18n/i18n.test.ts name every table still missing it), nothing else.
export const LOCALES = ["en", "zh-CN"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE = "en" satisfies TLocale;
export const LOCALE_COOKIE = "convlab-locale";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type TMessageTable<K extends string = string> = Record<TLocale, Record<K, string>>;

/**
 * Every language must define the same keys; TypeScript enforces it, and the table stays readable
 * on the returned function so src/i18n/i18n.test.ts can check every table without a list of them.
 */
export function defineMessages<K extends string>(table: TMessageTable<K>) {
  return Object.assign((locale: TLocale) => table[locale], { table });
}

/** Replaces {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function primaryLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/**
 * Picks a locale from an Accept-Language header: the first tag, in the header's order, whose
 * language (zh of zh-Hans, en of en-US) is one of LOCALES; otherwise the default.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): TLocale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(",")) {
    const language = primaryLanguage(part.split(";")[0]!.trim());
    const match = LOCALES.find((locale) => primaryLanguage(locale) === language);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/**
 * Text stored as data with one field per language (exercise titles and statements, results of the
 * grader): the reader's language when present, else the default language's.
 */
export function pickLocalized(locale: TLocale, byLocale: Record<typeof DEFAULT_LOCALE, string> & Partial<Record<TLocale, string | null>>): string {
  return byLocale[locale] || byLocale[DEFAULT_LOCALE];
}
