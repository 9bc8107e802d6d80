// The similarity engine: Dolos (winnowed fingerprints of tree-sitter token streams) over one
// exercise's Python files, with the exercise's starter left out as the template, so the lines
// every student was given never count. Pure computation on strings; loading the native parser
// may fail on a machine where it did not build, which loadDolos reports instead of throwing.

/** One file to compare; key is the caller's (a submission id). */
export interface TSimilarityFile {
  key: string;
  code: string;
}

/** A 0-based, end-inclusive line range in one file. */
export interface TLineRange {
  startLine: number;
  endLine: number;
}

export interface TSimilarityFragment {
  left: TLineRange;
  right: TLineRange;
}

export interface TSimilarityPair {
  leftKey: string;
  rightKey: string;
  /** shared fingerprints over all fingerprints of both files (0..1), Dolos's similarity */
  similarity: number;
  /** the longest run of consecutive shared fingerprints */
  longestFragment: number;
  fragments: TSimilarityFragment[];
}

export interface TSimilarityAnalysis {
  pairs: TSimilarityPair[];
}

type TDolosModule = typeof import("@dodona/dolos-lib");

/**
 * k-gram length and winnowing window: shorter than Dolos's defaults (23, 17), which are tuned for
 * whole programs; a conv2d answer is 15–40 lines, and with the defaults a renamed copy of a short
 * answer keeps too few fingerprints to stand out. Chosen against the corpus in
 * src/server/similarity/corpus (renamed, reordered and padded copies above the threshold,
 * independent solutions below).
 */
const KGRAM_LENGTH = 12;
const KGRAMS_IN_WINDOW = 8;
/**
 * In a class this large, a fingerprint found in more than this share of the answers is the
 * exercise's common idiom (the output-size formula, the padding call), not evidence that two
 * students copied: Dolos then ignores it, like the template. Smaller sets keep every fingerprint,
 * since there a share of a few files is just the copies themselves.
 */
const COMMON_FINGERPRINT_SHARE = 0.1;
const COMMON_FINGERPRINT_MIN_FILES = 50;

let dolosModule: Promise<TDolosModule | Error> | null = null;

/** Loads dolos-lib and its native Python parser once; an Error when they cannot load here. */
export function loadDolos(): Promise<TDolosModule | Error> {
  dolosModule ??= import("@dodona/dolos-lib").then(
    async (module) => {
      // The parser is a native addon loaded lazily by Dolos: load it now, so a missing build
      // shows up here and not halfway through a report.
      const language = await new module.LanguagePicker().findLanguage("python");
      await language.createTokenizer();
      return module;
    },
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  ).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  return dolosModule;
}

/** Line indices of code whose trimmed text is a non-blank line of the template (the starter). */
function findTemplateLines(code: string, templateLines: Set<string>): Set<number> {
  const found = new Set<number>();
  code.split("\n").forEach((line, index) => {
    if (templateLines.has(line.trim())) found.add(index);
  });
  return found;
}

/** Shrinks a range past template lines at both ends: a k-gram straddling the starter's last line still matches. */
function trimRange(range: TLineRange, templateLines: Set<number>): TLineRange | null {
  let { startLine, endLine } = range;
  while (startLine <= endLine && templateLines.has(startLine)) startLine += 1;
  while (endLine >= startLine && templateLines.has(endLine)) endLine -= 1;
  return startLine <= endLine ? { startLine, endLine } : null;
}

const touches = (a: TLineRange, b: TLineRange) => a.startLine <= b.endLine + 1 && b.startLine <= a.endLine + 1;

/** Dolos reports many short overlapping fragments; one per contiguous stretch in both files reads better. */
function mergeFragments(fragments: TSimilarityFragment[]): TSimilarityFragment[] {
  // A grown fragment may now touch one merged before it: repeat until nothing merges.
  const merged = mergeOnce(fragments);
  return merged.length === fragments.length ? merged : mergeFragments(merged);
}

function mergeOnce(fragments: TSimilarityFragment[]): TSimilarityFragment[] {
  const merged: TSimilarityFragment[] = [];
  for (const fragment of [...fragments].sort((a, b) => a.left.startLine - b.left.startLine || a.right.startLine - b.right.startLine)) {
    const into = merged.find((other) => touches(other.left, fragment.left) && touches(other.right, fragment.right));
    if (!into) {
      merged.push({ left: { ...fragment.left }, right: { ...fragment.right } });
      continue;
    }
    into.left = { startLine: Math.min(into.left.startLine, fragment.left.startLine), endLine: Math.max(into.left.endLine, fragment.left.endLine) };
    into.right = { startLine: Math.min(into.right.startLine, fragment.right.startLine), endLine: Math.max(into.right.endLine, fragment.right.endLine) };
  }
  return merged;
}

type TReport = Awaited<ReturnType<InstanceType<TDolosModule["Dolos"]>["analyze"]>>;
type TTokenizedFile = TReport["files"][number];

/**
 * The pairs whose similarity may reach minSimilarity, from one pass over the shared fingerprints
 * (an upper bound of Dolos's covered k-grams per pair), so Dolos's costly pair construction
 * (longest common run, fragments) runs for those only, not for all n²/2 pairs of a class.
 */
function findCandidatePairs(report: TReport, minSimilarity: number): [TTokenizedFile, TTokenizedFile][] {
  const entries = report.entries();
  const count = entries.length;
  const indexOf = new Map(entries.map((entry, index) => [entry.file, index]));
  const covered = new Float64Array(count * count);
  for (const fingerprint of report.sharedFingerprints()) {
    if (fingerprint.ignored) continue;
    const files = fingerprint.files().map((file) => ({ index: indexOf.get(file), occurrences: fingerprint.occurrencesOf(file).length }));
    for (let a = 0; a < files.length; a += 1) {
      for (let b = a + 1; b < files.length; b += 1) {
        const left = files[a]!;
        const right = files[b]!;
        if (left.index === undefined || right.index === undefined) continue;
        const [low, high] = left.index < right.index ? [left.index, right.index] : [right.index, left.index];
        covered[low * count + high] += left.occurrences + right.occurrences;
      }
    }
  }
  // The smallest denominator Dolos may use for a pair: all k-grams minus the larger ignored count twice.
  const least = entries.map((entry) => entry.kgrams.length);
  const ignored = entries.map((entry) => entry.ignored.size);
  const candidates: [TTokenizedFile, TTokenizedFile][] = [];
  for (let low = 0; low < count; low += 1) {
    for (let high = low + 1; high < count; high += 1) {
      const denominator = least[low]! + least[high]! - 2 * Math.max(ignored[low]!, ignored[high]!);
      const bound = denominator > 0 ? covered[low * count + high]! / denominator : 0;
      if (bound >= minSimilarity) candidates.push([entries[low]!.file, entries[high]!.file]);
    }
  }
  return candidates;
}

/**
 * Pairs whose similarity is at least minSimilarity (0 keeps all), each with its longest shared
 * run of k-grams and its matched line ranges outside the template's lines.
 */
export async function analyzeSimilarity(
  dolos: TDolosModule,
  options: { files: TSimilarityFile[]; template: string; minSimilarity: number },
): Promise<TSimilarityAnalysis> {
  if (options.files.length < 2) return { pairs: [] };
  const templateText = new Set(options.template.split("\n").map((line) => line.trim()).filter((line) => line.length > 0));
  // Dolos picks the language by extension and keys its files by path.
  const files = options.files.map((file, index) => new dolos.File(`${index}.py`, file.code));
  const byPath = new Map(files.map((file, index) => [file.path, { key: options.files[index]!.key, templateLines: findTemplateLines(file.content, templateText) }]));
  const analyser = new dolos.Dolos({
    language: "python",
    kgramLength: KGRAM_LENGTH,
    kgramsInWindow: KGRAMS_IN_WINDOW,
    maxFingerprintPercentage: files.length >= COMMON_FINGERPRINT_MIN_FILES ? COMMON_FINGERPRINT_SHARE : null,
  });
  const report = await analyser.analyze(files, "similarity", new dolos.File("template.py", options.template));
  const pairs = findCandidatePairs(report, options.minSimilarity).flatMap(([leftFile, rightFile]): TSimilarityPair[] => {
    const pair = report.getPair(leftFile, rightFile);
    if (pair.similarity < options.minSimilarity) return [];
    const left = byPath.get(pair.leftFile.path)!;
    const right = byPath.get(pair.rightFile.path)!;
    const fragments = pair.buildFragments().flatMap((fragment) => {
      const leftRange = trimRange({ startLine: fragment.leftSelection.startRow, endLine: fragment.leftSelection.endRow }, left.templateLines);
      const rightRange = trimRange({ startLine: fragment.rightSelection.startRow, endLine: fragment.rightSelection.endRow }, right.templateLines);
      return leftRange && rightRange ? [{ left: leftRange, right: rightRange }] : [];
    });
    return [{ leftKey: left.key, rightKey: right.key, similarity: pair.similarity, longestFragment: pair.longest, fragments: mergeFragments(fragments) }];
  });
  return { pairs };
}
