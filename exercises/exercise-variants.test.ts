// Simulated students: for every mistake of every exercise, a student whose output is that
// mistake's variant on every case must get that diagnosis first, on the sample and hidden seeds.
import { describe, expect, it } from "vitest";
import { compareOutput } from "@/grading/compare-output";
import { diagnoseMistakes, type TFailedCase } from "@/grading/diagnose";
import { readExerciseMeta } from "@/grading/exercise-files";
import { mapValues } from "@/grading/ndarray";
import { EXERCISE_DEFINITIONS } from "./index";

describe.each(Object.keys(EXERCISE_DEFINITIONS))("diagnosis on %s", async (slug) => {
  const definition = EXERCISE_DEFINITIONS[slug];
  const meta = await readExerciseMeta(slug);
  const seeds = [meta.cases.sampleSeed, 1, 2, 3];

  it.each(definition.mistakes.map((mistake) => mistake.code))("names %s for a student who makes that mistake", (code) => {
    let spellings = 1;
    for (let spelling = 0; spelling < spellings; spelling++) {
      for (const seed of seeds) {
        const failures: TFailedCase[] = [];
        for (const gradingCase of definition.buildCases({ seed, count: meta.cases.hiddenCount, generator: meta.cases.generator })) {
          const candidates = gradingCase.computeVariants().find((variant) => variant.mistake.code === code)!.candidates;
          spellings = Math.max(spellings, candidates.length);
          // a student's array has no "any value" cells: fill them with zeros
          const student = candidates.length > 0 ? mapValues(candidates[Math.min(spelling, candidates.length - 1)], (v) => (Number.isNaN(v) ? 0 : v)) : gradingCase.expected;
          const isInts = definition.output === "ints" && student.data.every(Number.isInteger);
          const returned = { kind: "array" as const, shape: student.shape, data: student.data, dtype: isInts ? "int64" : "float64", pyType: "tuple" };
          if (compareOutput(gradingCase.expected, returned, meta.tolerance, definition.output).kind !== "match") {
            failures.push({ gradingCase, returned });
          }
        }
        expect(failures.length, `seed ${seed}: the mistake should fail some case`).toBeGreaterThan(0);
        expect(diagnoseMistakes(failures, meta.tolerance)[0]?.code, `seed ${seed}, spelling ${spelling}`).toBe(code);
      }
    }
  });

  it("names nothing for a wrong output that no known mistake explains", () => {
    const failures = definition.buildCases({ seed: 1, count: meta.cases.hiddenCount, generator: meta.cases.generator }).map((gradingCase) => {
      const shifted = mapValues(gradingCase.expected, (value) => value + 7);
      const dtype = definition.output === "ints" ? "int64" : "float64";
      return { gradingCase, returned: { kind: "array" as const, shape: shifted.shape, data: shifted.data, dtype, pyType: "ndarray" } };
    });
    expect(diagnoseMistakes(failures, meta.tolerance)).toEqual([]);
  });
});
