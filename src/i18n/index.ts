// Interface text in English and Simplified Chinese. Each feature keeps its own message table
// (src/i18n/<feature>.ts built with defineMessages) so features never edit one shared file.
export const LOCALES = ["en", "zh-CN"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "en";
export const LOCALE_COOKIE = "convlab-locale";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Both languages must define the same keys; TypeScript enforces it. */
export function defineMessages<K extends string>(table: Record<TLocale, Record<K, string>>) {
  return (locale: TLocale) => table[locale];
}

/** Replaces {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Picks a locale from an Accept-Language header: zh, zh-CN, zh-Hans → zh-CN; otherwise English. */
export function localeFromAcceptLanguage(header: string | null | undefined): TLocale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]!.trim().toLowerCase();
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}
