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

/** Where language-specific text belongs. Tests may hold Chinese: they check what readers see. */
function isTranslationHome(path: string): boolean {
  return (
    path.startsWith("src/i18n/") ||
    /^exercises\/[^/]+\/statement\.[^/]+\.md$/.test(path) ||
    path.startsWith("tests/") ||
    /\.(test|spec)\.tsx?$/.test(path)
  );
}

// Files still carrying Chinese because the grader's results store prose in both languages
// (result schema v1: message/messageZh, nameZh, labelZh; exercise titles in meta.json; diagnoses
// and runner sentences worded in src/grading). The grading work of issue 12 (results stored as
// {code, params}, worded in src/i18n) removes them; then this list must be emptied, and an entry
// whose file no longer needs it fails the test below.
const PENDING_GRADING_V2: readonly string[] = [
  "exercises/avg-pool2d/meta.json",
  "exercises/avg-pool2d/reference.ts",
  "exercises/cnn-forward/meta.json",
  "exercises/cnn-forward/reference.ts",
  "exercises/conv-output-shape/meta.json",
  "exercises/conv-output-shape/reference.ts",
  "exercises/conv2d/meta.json",
  "exercises/conv2d/reference.ts",
  "exercises/convolution-v2/meta.json",
  "exercises/convolution-v2/reference.ts",
  "exercises/convolution/meta.json",
  "exercises/convolution/reference.ts",
  "exercises/max-pool2d/meta.json",
  "exercises/max-pool2d/reference.ts",
  "src/components/workspace/results-view.ts",
  "src/components/workspace/verdict-announcement.ts",
  "src/grading/case-feedback.ts",
  "src/grading/exercise-definition.ts",
  "src/grading/grade-submission.ts",
  "src/grading/mistakes.ts",
  "src/grading/pool-exercise.ts",
  "src/grading/result-schema.ts",
  "src/grading/runner-text-zh.ts",
  "src/server/submissions/redact-hidden-details.ts",
];

// Files that name "zh-CN" for the same reason: they read one language's field of a v1 result or
// or of the exercise metadata (title/titleZh, a statement per language). Same fate as the list above.
const PENDING_GRADING_V2_LOCALE_FIELDS: readonly string[] = [
  "src/components/grades/word-analytics.ts",
  "src/components/workspace/results-panel.tsx",
  "src/components/workspace/results-view.ts",
  "src/components/workspace/verdict-announcement.ts",
  "src/grading/exercise-files.ts",
  "src/grading/meta-schema.ts",
  "src/server/exercises/sync-exercises.ts",
];

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

  it("finds no Chinese text outside src/i18n, statements and tests, except the pending grader files", () => {
    const offending = sources.filter((s) => !isTranslationHome(s.path) && CJK.test(s.text)).map((s) => s.path);
    expect(offending.filter((path) => !PENDING_GRADING_V2.includes(path))).toEqual([]);
  });

  it("finds no hand-written zh-CN choice outside src/i18n and tests, except the pending grader files", () => {
    const offending = sources.filter((s) => CODE_FILE.test(s.path) && !isTranslationHome(s.path) && LOCALE_LITERAL.test(s.text)).map((s) => s.path);
    expect(offending.filter((path) => !PENDING_GRADING_V2_LOCALE_FIELDS.includes(path))).toEqual([]);
  });

  it("keeps the pending lists honest: every entry still needs its exemption", () => {
    const byPath = new Map(sources.map((s) => [s.path, s.text]));
    const stale = [
      ...PENDING_GRADING_V2.filter((path) => !CJK.test(byPath.get(path) ?? "")),
      ...PENDING_GRADING_V2_LOCALE_FIELDS.filter((path) => !LOCALE_LITERAL.test(byPath.get(path) ?? "")),
    ];
    expect(stale).toEqual([]);
  });
});
