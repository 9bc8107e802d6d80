// Interface text lives in src/i18n tables and exercise statements in exercises/<slug>/statement.<locale>.md;
// everywhere else text is picked by key. This reads every git-tracked file so that a Chinese
// literal or a hand-written `"zh-CN"` branch slipped in anywhere fails here, not in review.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// CJK punctuation, kana, ideographs (with extension A and compatibility ones) and full-width forms.
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
// A quoted "zh-CN" in code is a language chosen by hand (or one language's field named) instead of
// a table looked up by the reader's locale. Data keyed by locale (meta.json titles) is not code.
const LOCALE_LITERAL = /["'`]zh-CN["'`]/;
const CODE_FILE = /\.(ts|tsx|js|mjs|cjs)$/;

/** Where language-specific text belongs. Tests (and the grader's test helpers) may hold Chinese: they check what readers see. */
function isTranslationHome(path: string): boolean {
  return (
    path.startsWith("src/i18n/") ||
    /^exercises\/[^/]+\/statement\.[^/]+\.md$/.test(path) ||
    path.startsWith("tests/") ||
    /\.(test|spec)\.tsx?$/.test(path) ||
    path === "src/grading/test-helpers.ts"
  );
}


/** Code and docs that could carry interface text; generated clients and lockfiles cannot. */
function listTrackedSources(): { path: string; text: string }[] {
  const paths = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .split("\0")
    .filter((path) => path !== "" && !path.startsWith("src/generated/") && path !== "package-lock.json");
  return paths.flatMap((path) => {
    const bytes = readFileSync(join(ROOT, path));
    return bytes.includes(0) ? [] : [{ path, text: bytes.toString("utf8") }];
  });
}

describe("language-specific text outside src/i18n", () => {
  const sources = listTrackedSources();

  it("reads the repository", () => {
    // Guards against an empty listing (no git, wrong directory) making every check below pass.
    expect(sources.map((s) => s.path)).toContain("src/i18n/index.ts");
  });

  it("finds no Chinese text outside src/i18n, statements and tests", () => {
    const offending = sources.filter((s) => !isTranslationHome(s.path) && CJK.test(s.text)).map((s) => s.path);
    expect(offending).toEqual([]);
  });

  it("finds no hand-written zh-CN choice outside src/i18n and tests", () => {
    const offending = sources.filter((s) => CODE_FILE.test(s.path) && !isTranslationHome(s.path) && LOCALE_LITERAL.test(s.text)).map((s) => s.path);
    expect(offending).toEqual([]);
  });

});
