// Benchmark: a similarity report over 500 generated conv2d answers (the Dolos analysis that a
// report job runs), timed end to end. Prints {"submissions","seconds","pairs"} as the last line of
// stdout (the `--json` of `npm run bench:similarity -- --json` changes nothing), and the CPU time on stderr.
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzeSimilarity, loadDolos } from "@/server/similarity/analyze-similarity";
import { STORED_SIMILARITY_FLOOR } from "@/server/similarity/similarity-threshold";
import { generateConv2dSubmissions } from "./lib/similarity-submissions";

const SUBMISSIONS = 500;

async function main(): Promise<void> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const dolos = await loadDolos();
  if (dolos instanceof Error) throw new Error(`the similarity parser cannot load here: ${dolos.message}`);
  const template = readFileSync(path.join(process.cwd(), "exercises/conv2d/starter.py"), "utf8");
  const files = generateConv2dSubmissions(SUBMISSIONS).map((code, index) => ({ key: String(index), code }));
  const { pairs } = await analyzeSimilarity(dolos, { files, template, minSimilarity: STORED_SIMILARITY_FLOOR });
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  const cpu = process.cpuUsage(cpuStarted);
  // On a shared machine wall time depends on the neighbours; the CPU time says what the report cost.
  console.error(`${SUBMISSIONS} submissions, ${pairs.length} pairs at or above ${STORED_SIMILARITY_FLOOR}: ${seconds} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`);
  console.log(JSON.stringify({ submissions: SUBMISSIONS, seconds, pairs: pairs.length }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
