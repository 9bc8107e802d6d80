// "Copy this case" end to end outside the sandbox: every exercise's sample cases and a few hidden
// ones become numpy scripts that, run with Debian's python3 + numpy below the exercise's
// solution.py, reproduce the expected output; below a known-wrong file they do not.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildCaseSnippet, CaseNotFoundError } from "@/grading/case-snippet";
import { listExerciseSlugs, readExerciseFile, readExerciseMeta } from "@/grading/exercise-files";

const PYTHON = "/usr/bin/python3";

/** Runs the scripts one after another in one interpreter, each in a fresh namespace with `source` defined first. */
function runScripts(source: string, scripts: string[]): string[] {
  const harness = [
    "import json, sys, io, contextlib",
    "source, scripts = json.load(sys.stdin)",
    "for script in scripts:",
    "    namespace = {}",
    "    exec(source, namespace)",
    "    out = io.StringIO()",
    "    with contextlib.redirect_stdout(out):",
    "        exec(script, namespace)",
    "    print(json.dumps(out.getvalue()))",
  ].join("\n");
  const run = spawnSync(PYTHON, ["-c", harness], { input: JSON.stringify([source, scripts]), encoding: "utf8", timeout: 60_000 });
  expect(run.stderr).toBe("");
  return run.stdout.trim().split("\n").map((line) => JSON.parse(line) as string);
}

describe("case snippets", () => {
  it.each(listExerciseSlugs())("reproduce %s's sample and hidden cases below the solution", async (slug) => {
    const meta = await readExerciseMeta(slug);
    const sampleIndexes = Array.from({ length: meta.cases.sampleCount }, (_, i) => i);
    const snippets = [
      ...(await Promise.all(sampleIndexes.map((caseIndex) => buildCaseSnippet({ exercise: slug, mode: "run", seed: meta.cases.sampleSeed, caseIndex })))),
      // a hidden grading's last (random) case
      await buildCaseSnippet({ exercise: slug, mode: "submit", seed: 77, caseIndex: meta.cases.hiddenCount }),
    ];
    const solution = await readExerciseFile(slug, "solution.py");
    const outputs = runScripts(solution, snippets.map((s) => s.snippet));
    expect(outputs.every((out) => out.startsWith("matches: True"))).toBe(true);
    const starter = await readExerciseFile(slug, "starter.py");
    // The starter raises NotImplementedError or returns something else: never a match.
    // on stdin: a network's weights make a script longer than one argument may be
    const wrong = spawnSync(PYTHON, ["-"], { input: `${starter}\n${snippets[0]!.snippet}`, encoding: "utf8", timeout: 30_000 });
    expect(wrong.error).toBeUndefined();
    expect(wrong.stdout).not.toContain("matches: True");
  });

  it("writes the arrays as literals and the call with the grader's keywords", async () => {
    const meta = await readExerciseMeta("conv2d");
    const { snippet } = await buildCaseSnippet({ exercise: "conv2d", mode: "run", seed: meta.cases.sampleSeed, caseIndex: 2 });
    expect(snippet).toMatch(/^features = np\.array\(\[\[\[/m);
    expect(snippet).toMatch(/^weights = np\.array\(\[\[\[\[/m);
    expect(snippet).toContain("result = np.asarray(conv2d(features, weights, padding=1, stride=1))");
  });

  it("refuses a case that is not there or whose name changed", async () => {
    await expect(buildCaseSnippet({ exercise: "conv2d", mode: "run", seed: 1, caseIndex: 99 })).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(buildCaseSnippet({ exercise: "conv2d", mode: "run", seed: 1, caseIndex: 0, caseName: "random 1" })).rejects.toBeInstanceOf(CaseNotFoundError);
  });
});
