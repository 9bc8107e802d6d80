import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getExercise, listExerciseSlugs } from "@/grading/exercise-files";
import { StatementContent } from "./statement-content";

describe("StatementContent", () => {
  it.each(listExerciseSlugs())("renders %s's statements with no raw Markdown table or KaTeX error left", async (slug) => {
    const exercise = (await getExercise(slug))!;
    for (const markdown of Object.values(exercise.statement)) {
      const html = renderToStaticMarkup(createElement(StatementContent, { markdown }));
      // a GFM table's delimiter row would show as text if tables were not parsed
      expect(html).not.toMatch(/\|\s*:?-{3,}/);
      expect(html).not.toContain("katex-error");
      if (/^\|.*\|\s*$/m.test(markdown)) expect(html).toContain("<table");
    }
  });
});
