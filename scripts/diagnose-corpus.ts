// Runs every exercise's buggy/, accepted/ and negative/ files through the real sandbox on three
// hidden-case seeds and checks the diagnoses against the mistakes each file carries:
//   npm run --silent diagnose-corpus -- [--json] [--exercise <slug>]
// Prints one line per file, then (with --json) one JSON line last:
// {"files","misleading","named","missed","accepted_with_diagnosis"}. Exit code 1 when a
// diagnosis misleads or an accepted file gets one.
import { parseArgs } from "node:util";
import { createRunner } from "@runner";
import { judgeCorpusResult, listCorpus, readCorpusSource, type TCorpusFile } from "@/grading/corpus";
import { isExerciseSlug, listExerciseSlugs } from "@/grading/exercise-files";
import { gradeSubmission } from "@/grading/grade-submission";

const SEEDS = [101, 202, 303];

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { json: { type: "boolean", default: false }, exercise: { type: "string" } },
    strict: true,
  });
  if (values.exercise !== undefined && !isExerciseSlug(values.exercise)) {
    console.error(`Unknown exercise "${values.exercise}". Exercises: ${listExerciseSlugs().join(", ")}`);
    return 2;
  }
  const slugs = values.exercise ? [values.exercise] : listExerciseSlugs();
  const corpus: TCorpusFile[] = (await Promise.all(slugs.map(listCorpus))).flat();
  const runner = createRunner({ poolSize: 2 });
  const totals = { files: corpus.length, misleading: 0, named: 0, missed: 0, accepted_with_diagnosis: 0 };
  try {
    for (const entry of corpus) {
      const source = await readCorpusSource(entry);
      const misleading = new Set<string>();
      const namedOn: number[] = [];
      const lines: string[] = [];
      for (const seed of SEEDS) {
        const { result } = await gradeSubmission({ exercise: entry.slug, source, mode: "submit", seed, runner });
        if (!result.gradable) throw new Error(`The sandbox could not grade ${entry.slug}/${entry.file}: ${result.operatorMessage}`);
        const verdict = judgeCorpusResult(entry, result);
        verdict.misleading.forEach((code) => misleading.add(code));
        if (verdict.isNamed) namedOn.push(seed);
        const named = result.diagnoses.map((d) => `${d.code} ${d.explained}/${d.telling}`).join(", ");
        lines.push(`seed ${seed}: ${result.score}/${result.maxScore} [${named}]`);
      }
      const carries = entry.carried.length > 0;
      const isNamed = carries && namedOn.length === SEEDS.length;
      if (misleading.size > 0) totals.misleading++;
      if (entry.folder === "accepted" && misleading.size > 0) totals.accepted_with_diagnosis++;
      if (carries) totals[isNamed ? "named" : "missed"]++;
      const mark = misleading.size > 0 ? "MISLEADING" : carries ? (isNamed ? "named" : "missed") : "quiet";
      console.log(`${mark.padEnd(10)} ${entry.slug}/${entry.file}  ${lines.join("; ")}`);
    }
  } finally {
    await runner.close();
  }
  const carrying = totals.named + totals.missed;
  if (values.json) console.log(JSON.stringify(totals));
  else console.log(`\n${totals.files} files; misleading ${totals.misleading}; named ${totals.named}/${carrying}; accepted with a diagnosis ${totals.accepted_with_diagnosis}`);
  return totals.misleading > 0 || totals.accepted_with_diagnosis > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`diagnose-corpus failed: ${String(error)}`);
    process.exitCode = 2;
  },
);
