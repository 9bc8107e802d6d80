import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, format, formatCount, formatPercent, LOCALES, localeFromAcceptLanguage, pickLocalized, type TLocale } from "./index";
import { LANGUAGE_NAMES } from "./languages";

/** A table name → locale → key → text. */
type TTableSet = Record<string, Record<string, Record<string, string>>>;

function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(", ");
}

/**
 * Everything that keeps a language from being complete: a table lacking a locale (or carrying one
 * not in `locales`), a key missing or empty in one locale, a placeholder that differs from the
 * default language's. Keys are compared across all locales, so a key only one language has counts.
 */
// The grader's result wording (src/i18n/grading.ts) renders messages the grader builds with every
// parameter a language might need (an article, a type name, a full stop); each language uses
// those its grammar wants, and some pieces are empty in one language (no full stop after Python's
// own English text). Keys must still exist in every locale; renderMessage leaves an unknown
// placeholder visible, and src/grading's tests render every code in every locale.
const PLACEHOLDERS_MAY_DIFFER = new Set(["grading.ts:gradingMessages"]);

function findTableProblems(tables: TTableSet, locales: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [name, table] of Object.entries(tables)) {
    for (const locale of Object.keys(table)) if (!locales.includes(locale)) problems.push(`${name}: ${locale} is not in LOCALES`);
    const keys = new Set(Object.values(table).flatMap((messages) => Object.keys(messages)));
    const reference = table[DEFAULT_LOCALE] ?? {};
    for (const locale of locales) {
      const messages = table[locale];
      if (!messages) {
        problems.push(`${name}: no ${locale} table`);
        continue;
      }
      for (const key of keys) {
        const text = messages[key];
        if (text === undefined) problems.push(`${name}.${key}: missing in ${locale}`);
        else if (PLACEHOLDERS_MAY_DIFFER.has(name)) continue;
        else if (text.trim() === "") problems.push(`${name}.${key}: empty in ${locale}`);
        else if (key in reference && placeholders(text) !== placeholders(reference[key]!)) {
          problems.push(`${name}.${key}: placeholders {${placeholders(text)}} in ${locale}, {${placeholders(reference[key]!)}} in ${DEFAULT_LOCALE}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Every table defined with defineMessages in src/i18n, found by reading the folder rather than from
 * a list, so a new feature's table is checked without anyone remembering to add it here.
 */
async function loadAllTables(): Promise<TTableSet> {
  const folder = fileURLToPath(new URL(".", import.meta.url));
  const modules = readdirSync(folder).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
  const tables: TTableSet = {};
  for (const file of modules) {
    const exports = (await import(/* @vite-ignore */ pathToFileURL(join(folder, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function" && "table" in value) tables[`${file}:${name}`] = value.table as TTableSet[string];
    }
  }
  return tables;
}

describe("message tables", () => {
  it("are all found: every feature's table, not an empty set that would pass anything", async () => {
    const names = Object.keys(await loadAllTables());
    expect(names).toEqual(expect.arrayContaining(["common.ts:commonMessages", "errors.ts:errorMessages", "validation.ts:validationMessages", "workspace.ts:workspaceMessages"]));
  });

  it("define every key, non-empty and with the same placeholders, in every locale of LOCALES", async () => {
    expect(findTableProblems(await loadAllTables(), LOCALES)).toEqual([]);
  });

  it("make a new language a matter of adding tables: a third locale is checked like the others", async () => {
    const tables = await loadAllTables();
    const locales = [...LOCALES, "fr"];
    // Without its tables, the new language is reported table by table.
    expect(findTableProblems(tables, locales)).toEqual(Object.keys(tables).map((name) => `${name}: no fr table`));

    // With a table per feature (here copies of English to stand in for French) nothing else is needed.
    const withFrench = Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, { ...table, fr: { ...table[DEFAULT_LOCALE] } }]));
    expect(findTableProblems(withFrench, locales)).toEqual([]);

    // And a French table that drops a key, leaves one empty or loses a placeholder is caught.
    const common = withFrench["common.ts:commonMessages"]!;
    common.fr = { ...common.fr!, signOut: " ", joined: "Vous avez rejoint le cours." };
    delete common.fr.signIn;
    expect(findTableProblems(withFrench, locales)).toEqual([
      "common.ts:commonMessages.signIn: missing in fr",
      "common.ts:commonMessages.signOut: empty in fr",
      "common.ts:commonMessages.joined: placeholders {} in fr, {title} in en",
    ]);
  });

  it("name every language in that language, for the language switchers", () => {
    for (const locale of LOCALES) expect(LANGUAGE_NAMES[locale].trim()).not.toBe("");
    expect(new Set(Object.values(LANGUAGE_NAMES)).size).toBe(LOCALES.length);
  });
});

describe("localeFromAcceptLanguage", () => {
  it("picks Simplified Chinese for any zh tag and English otherwise", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-Hans")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR, zh;q=0.5")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("EN-gb")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR, de")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });
});

describe("pickLocalized", () => {
  it("gives the reader's language when stored and the default language otherwise", () => {
    const zh: TLocale = "zh-CN";
    expect(pickLocalized(zh, { en: "Convolution", "zh-CN": "卷积" })).toBe("卷积");
    expect(pickLocalized("en", { en: "Convolution", "zh-CN": "卷积" })).toBe("Convolution");
    expect(pickLocalized(zh, { en: "Convolution", "zh-CN": null })).toBe("Convolution");
    expect(pickLocalized(zh, { en: "Convolution", "zh-CN": "" })).toBe("Convolution");
    expect(pickLocalized(zh, { en: "Convolution" })).toBe("Convolution");
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

describe("counts and percentages", () => {
  const attempts = { one: "{count} attempt", other: "{count} attempts" };

  it("picks the locale's plural form, with the median's decimal kept", () => {
    expect(formatCount("en", attempts, 1)).toBe("1 attempt");
    expect(formatCount("en", attempts, 2)).toBe("2 attempts");
    expect(formatCount("en", attempts, 1.5)).toBe("1.5 attempts");
    expect(formatCount("en", attempts, 0)).toBe("0 attempts");
    expect(formatCount("zh-CN", { one: "{count} 次", other: "{count} 次提交" }, 1)).toBe("1 次提交");
  });

  it("rounds a share to a whole percentage half up, the same in every locale", () => {
    expect(formatPercent("en", 0.125)).toBe("13%");
    expect(formatPercent("en", 1 / 3)).toBe("33%");
    expect(formatPercent("en", 0.005)).toBe("1%");
    expect(formatPercent("zh-CN", 0.5)).toBe("50%");
    expect(formatPercent("en", 0)).toBe("0%");
  });
});
