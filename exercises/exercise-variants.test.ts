// Simulated students: for every mistake of every exercise, a student whose output is that
// mistake's variant on every case must never get another diagnosis, and get this one on a third of the seeds
// and spellings (a fixed spelling on every case is not always telling enough). Mistakes seen in a
// raised error rather than in values are checked on the buggy/ corpus.
import { describe, expect, it } from "vitest";
import { compareOutput } from "@/grading/compare-output";
import { diagnoseMistakes, type TObservedCase } from "@/grading/diagnose";
import { readExerciseMeta } from "@/grading/exercise-files";
import { mapReturnedValues, returnedValue } from "@/grading/test-helpers";
import { EXERCISE_DEFINITIONS } from "./index";

describe.each(Object.keys(EXERCISE_DEFINITIONS))("diagnosis on %s", async (slug) => {
  const definition = EXERCISE_DEFINITIONS[slug];
  const meta = await readExerciseMeta(slug);
  const seeds = [meta.cases.sampleSeed, 1, 2, 3];

  const firstCases = definition.buildCases({ seed: 1, count: meta.cases.hiddenCount, generator: meta.cases.generator });
  const showsInValues = (code: string) =>
    firstCases.some((gradingCase) => gradingCase.computeVariants().find((variant) => variant.mistake.code === code)!.candidates.length > 0);

  it.each(definition.mistakes.map((mistake) => mistake.code).filter(showsInValues))("names %s for a student who makes that mistake", (code) => {
    let spellings = 1;
    let runs = 0;
    let namedRuns = 0;
    for (let spelling = 0; spelling < spellings; spelling++) {
      for (const seed of seeds) {
        const observed: TObservedCase[] = [];
        let failing = 0;
        for (const gradingCase of definition.buildCases({ seed, count: meta.cases.hiddenCount, generator: meta.cases.generator })) {
          const candidates = gradingCase.computeVariants().find((variant) => variant.mistake.code === code)!.candidates;
          spellings = Math.max(spellings, candidates.length);
          // a student's array has no "any value" cells: fill them with zeros
          const chosen = candidates[Math.min(spelling, candidates.length - 1)];
          // an empty candidate holds the place of a spelling this case does not allow
          const student = chosen && chosen.data.length > 0 ? mapReturnedValues(chosen, (v) => (Number.isNaN(v) ? 0 : v)) : gradingCase.expected;
          const isInts = definition.output === "ints" && student.data.every(Number.isInteger);
          const returned = returnedValue(student, isInts ? "int64" : "float64", "tuple");
          if (compareOutput(gradingCase.expected, returned, meta.tolerance, definition.output, gradingCase.parts).kind !== "match") failing++;
          observed.push({ gradingCase, returned });
        }
        // a spelling this seed's cases never allow (a 3-D transpose on a 2-D output, say) proves nothing
        if (failing === 0) continue;
        const named = diagnoseMistakes(observed, meta.tolerance).map((diagnosis) => diagnosis.code);
        expect(named.filter((other) => other !== code), `seed ${seed}, spelling ${spelling}`).toEqual([]);
        runs++;
        if (named.includes(code)) namedRuns++;
      }
    }
    expect(runs, "the mistake should fail some case").toBeGreaterThan(0);
    expect(namedRuns, `named on ${namedRuns} of ${runs} runs`).toBeGreaterThanOrEqual(runs / 3);
  });

  it("names nothing for a wrong output that no known mistake explains", () => {
    const observed = definition.buildCases({ seed: 1, count: meta.cases.hiddenCount, generator: meta.cases.generator }).map((gradingCase) => {
      const shifted = mapReturnedValues(gradingCase.expected, (value) => value + 7);
      return { gradingCase, returned: returnedValue(shifted, definition.output === "ints" ? "int64" : "float64") };
    });
    expect(diagnoseMistakes(observed, meta.tolerance)).toEqual([]);
  });
});
