// The engine on a corpus written for it (tests/fixtures/similarity-corpus): disguised copies of
// one conv2d answer stand out, independent answers (loops, vectorised, im2col) do not, and the
// starter's lines never count. Runs the real Dolos parser.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeSimilarity, loadDolos, type TSimilarityAnalysis, type TSimilarityPair } from "./analyze-similarity";
import { DEFAULT_SIMILARITY_THRESHOLD } from "./similarity-threshold";

const corpus = path.join(process.cwd(), "tests/fixtures/similarity-corpus");
const starter = readFileSync(path.join(process.cwd(), "exercises/conv2d/starter.py"), "utf8");
const read = (name: string) => ({ key: name, code: readFileSync(path.join(corpus, `${name}.py`), "utf8") });

function pairOf(analysis: TSimilarityAnalysis, a: string, b: string): TSimilarityPair {
  const pair = analysis.pairs.find((p) => (p.leftKey === a && p.rightKey === b) || (p.leftKey === b && p.rightKey === a));
  if (!pair) throw new Error(`no pair ${a} / ${b}`);
  return pair;
}

const CORPUS = ["original", "renamed", "reordered", "padded", "loops", "vectorised", "im2col"];

async function analyse(files: { key: string; code: string }[], minSimilarity = 0): Promise<TSimilarityAnalysis> {
  const dolos = await loadDolos();
  if (dolos instanceof Error) throw dolos;
  return analyzeSimilarity(dolos, { files, template: starter, minSimilarity });
}

describe("analyzeSimilarity on the conv2d corpus", () => {
  let analysis: TSimilarityAnalysis;
  beforeAll(async () => {
    analysis = await analyse(CORPUS.map(read));
  }, 60_000);

  it.each(["renamed", "reordered", "padded"])("finds the %s copy above the threshold, with a long shared fragment", (copy) => {
    const pair = pairOf(analysis, "original", copy);
    expect(pair.similarity).toBeGreaterThanOrEqual(DEFAULT_SIMILARITY_THRESHOLD);
    expect(pair.longestFragment).toBeGreaterThanOrEqual(30);
    expect(pair.fragments.length).toBeGreaterThan(0);
  });

  it.each([
    ["original", "loops"],
    ["original", "vectorised"],
    ["original", "im2col"],
    ["loops", "vectorised"],
    ["loops", "im2col"],
    ["vectorised", "im2col"],
  ])("keeps the independent answers %s and %s below the threshold", (a, b) => {
    expect(pairOf(analysis, a, b).similarity).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD);
  });

  it("never highlights a line copied from the starter at the edge of a fragment", () => {
    const starterLines = new Set(starter.split("\n").map((line) => line.trim()).filter(Boolean));
    const codeOf = new Map(CORPUS.map((name) => [name, read(name).code.split("\n")]));
    for (const pair of analysis.pairs) {
      for (const fragment of pair.fragments) {
        for (const [key, range] of [[pair.leftKey, fragment.left], [pair.rightKey, fragment.right]] as const) {
          const lines = codeOf.get(key)!;
          expect(starterLines.has(lines[range.startLine]!.trim()), `${key}:${range.startLine}`).toBe(false);
          expect(starterLines.has(lines[range.endLine]!.trim()), `${key}:${range.endLine}`).toBe(false);
        }
      }
    }
  });
});

describe("analyzeSimilarity with a floor", () => {
  it("keeps exactly the pairs at or above it, as if every pair had been built", async () => {
    const every = await analyse(CORPUS.map(read));
    const floored = await analyse(CORPUS.map(read), 0.4);
    const expected = every.pairs.filter((pair) => pair.similarity >= 0.4);
    expect(expected.length).toBeGreaterThan(6);
    expect(expected.length).toBeLessThan(every.pairs.length);
    const keyOf = (pair: TSimilarityPair) => [pair.leftKey, pair.rightKey].sort().join("|");
    expect(floored.pairs.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
  }, 60_000);
});

describe("analyzeSimilarity and the starter", () => {
  it("does not count the starter that every answer keeps", async () => {
    // Two answers that are the starter plus unrelated bodies: without the template they would
    // share the whole signature and docstring.
    const body = (lines: string) => starter.replace('    raise NotImplementedError("conv2d is not written yet")', lines);
    const first = body("    total = features.sum() * 2\n    return np.full((weights.shape[0], 1, 1), total)");
    const second = body("    out = [weights[o].mean() for o in range(len(weights))]\n    return np.array(out).reshape(-1, 1, 1)");
    const { pairs } = await analyse([{ key: "first", code: first }, { key: "second", code: second }]);
    expect(pairs[0]?.similarity ?? 0).toBeLessThan(0.2);
    // The starter is lines 0–8 of both answers; what is left to highlight starts after it.
    const starterLineCount = starter.split("\n").findIndex((line) => line.includes("NotImplementedError"));
    for (const fragment of pairs[0]?.fragments ?? []) {
      expect(fragment.left.startLine).toBeGreaterThanOrEqual(starterLineCount);
      expect(fragment.right.startLine).toBeGreaterThanOrEqual(starterLineCount);
    }
  }, 60_000);
});
