import { describe, expect, it } from "vitest";
import { exerciseFeedbackMessages } from "./exercise-feedback";
import { gradingMessages } from "./grading";
import { LOCALES } from "./index";

describe.each([
  ["grading", gradingMessages],
  ["exercise-feedback", exerciseFeedbackMessages],
] as const)("the %s table", (_, table) => {
  it("has every code in every language, so a new language is a new table and nothing else", () => {
    const [first, ...others] = LOCALES.map((locale) => Object.keys(table(locale)).sort());
    for (const keys of others) expect(keys).toEqual(first);
  });

  it("uses only {name} and {name:a} placeholders, and {name:a} only in English", () => {
    for (const locale of LOCALES) {
      for (const [code, template] of Object.entries(table(locale))) {
        const braces = template.match(/\{[^}]*\}/g) ?? [];
        expect(braces.every((brace) => /^\{\w+(:a)?\}$/.test(brace)), `${locale} ${code}`).toBe(true);
        if (locale !== "en") expect(template, `${locale} ${code}`).not.toMatch(/:a\}/);
      }
    }
  });
});
