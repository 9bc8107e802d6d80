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

/**
 * A counted phrase ("1 attempt", "2 attempts"): the form the locale's plural rules pick for `count`
 * (Chinese has only `other`), with {count} filled. Every count in the interface goes through here
 * so no page says "1 attempts".
 */
export function formatCount(locale: TLocale, forms: { one: string; other: string }, count: number, values: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(locale).select(count) === "one" ? forms.one : forms.other;
  return format(form, { ...values, count: formatNumber(locale, count) });
}

/** A number as the locale writes it, with at most one decimal (a median of 1.5 attempts). */
export function formatNumber(locale: TLocale, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A share (0–1) as a whole percentage, rounded half up the same way on every page: 0.125 → "13%". */
export function formatPercent(locale: TLocale, share: number): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}
