// Every exercise folder is complete: valid metadata, both statements, a starter and a model
// solution with the exact signature, and a demonstrating buggy/ file for every mistake of its catalog.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCarriedCodes } from "@/grading/corpus";
import { ZExerciseMeta } from "@/grading/meta-schema";
import { message, renderMessage } from "@/grading/result-format";
import { EXERCISE_DEFINITIONS } from "./index";

const read = (slug: string, file: string) => readFileSync(path.join(__dirname, slug, file), "utf8");
const listPython = (slug: string, folder: string) =>
  existsSync(path.join(__dirname, slug, folder))
    ? readdirSync(path.join(__dirname, slug, folder)).filter((file) => file.endsWith(".py")).map((file) => file.replace(/\.py$/, ""))
    : [];

describe.each(Object.keys(EXERCISE_DEFINITIONS))("exercise %s", (slug) => {
  const definition = EXERCISE_DEFINITIONS[slug];
  const meta = ZExerciseMeta.parse(JSON.parse(read(slug, "meta.json")));

  it("has metadata whose generator ranges the exercise accepts", () => {
    expect(() => definition.buildCases({ seed: 1, count: 3, generator: meta.cases.generator })).not.toThrow();
  });

  it("has a statement in English and Simplified Chinese with the formula and the function name", () => {
    for (const file of ["statement.en.md", "statement.zh-CN.md"]) {
      const statement = read(slug, file);
      expect(statement).toMatch(/^# \S/);
      expect(statement).toMatch(/\$\$\n[^$]+\n\$\$/);
      expect(statement).toContain(`\`${meta.functionName}(`);
    }
    expect(read(slug, "statement.zh-CN.md")).toMatch(/[\u4e00-\u9fff]/);
  });

  it("has a starter that raises NotImplementedError and a solution, both with the exact signature", () => {
    // build-cnn's student writes a class (its driver instantiates it), the others a function
    const keyword = read(slug, "solution.py").includes(`class ${meta.signature}:`) ? "class" : "def";
    for (const file of ["starter.py", "solution.py"]) expect(read(slug, file)).toContain(`${keyword} ${meta.signature}:`);
    expect(read(slug, "starter.py")).toMatch(/raise NotImplementedError\(/);
    expect(read(slug, "solution.py")).not.toContain("NotImplementedError");
  });

  it("has a catalog whose every mistake has a demonstrating buggy/ file, and buggy/ files that carry only catalog mistakes", () => {
    const codes = definition.mistakes.map((mistake) => mistake.code);
    expect(definition.catalog.map((entry) => entry.code)).toEqual(codes);
    for (const entry of definition.catalog) {
      expect(entry.demonstratedBy).toMatch(/^buggy\/[^/]+\.py$/);
      expect(existsSync(path.join(__dirname, slug, entry.demonstratedBy)), entry.demonstratedBy).toBe(true);
      expect(readCarriedCodes(path.basename(entry.demonstratedBy))).toContain(entry.code);
    }
    for (const file of listPython(slug, "buggy")) {
      for (const code of readCarriedCodes(file)) expect(codes, `buggy/${file}.py`).toContain(code);
    }
  });

  it("is listed in the README's diagnosis codes with every mistake and its English sentence from the i18n table", () => {
    const readme = readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
    const section = readme.split(`#### ${slug}\n`)[1]?.split("\n#")[0] ?? "";
    for (const mistake of definition.mistakes) {
      // no params: a sentence citing evidence keeps its {placeholders}, as the README shows them
      const sentence = renderMessage(message(mistake.text), "en");
      expect(section).toContain(`| \`${mistake.code}\` | ${sentence.replace(/\|/g, "\\|")} |`);
    }
  });

  it("names every mistake in both languages and with a unique code", () => {
    const codes = definition.mistakes.map((mistake) => mistake.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const mistake of definition.mistakes) {
      expect(mistake.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(renderMessage(message(mistake.text), "en")).toMatch(/^[A-Z].*\.$/);
      expect(renderMessage(message(mistake.text), "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("has accepted alternative solutions and a PyTorch check", () => {
    expect(listPython(slug, "accepted").length).toBeGreaterThan(0);
    expect(read(slug, "torch-reference.py")).toContain(`def ${meta.functionName}(`);
  });
});
