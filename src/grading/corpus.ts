// The diagnosis corpus of every exercise folder: buggy/ files (their name lists the catalog
// mistakes they carry: "flipped-kernel+output-size-ceil--loops.py"), accepted/ files (correct,
// must get no diagnosis) and negative/ controls (wrong in a way the catalog does not know, must
// get no diagnosis either). Shared by `npm run diagnose-corpus` and the integration test.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { getExercisesDir } from "./exercise-files";
import type { TGradingResult } from "./result-schema";

export type TCorpusFolder = "buggy" | "accepted" | "negative";

export interface TCorpusFile {
  slug: string;
  folder: TCorpusFolder;
  /** e.g. "buggy/flipped-kernel--blog.py" */
  file: string;
  /** the catalog codes the file carries (empty outside buggy/) */
  carried: string[];
}

/** "a+b--how.py" carries a and b; the part after "--" only tells files with the same mistakes apart. */
export function readCarriedCodes(fileName: string): string[] {
  return fileName.replace(/\.py$/, "").split("--")[0].split("+");
}

export async function listCorpus(slug: string): Promise<TCorpusFile[]> {
  const files: TCorpusFile[] = [];
  for (const folder of ["buggy", "accepted", "negative"] as const) {
    const dir = path.join(getExercisesDir(), slug, folder);
    if (!existsSync(dir)) continue;
    for (const name of (await readdir(dir)).filter((entry) => entry.endsWith(".py")).sort()) {
      files.push({ slug, folder, file: `${folder}/${name}`, carried: folder === "buggy" ? readCarriedCodes(name) : [] });
    }
  }
  return files;
}

export const readCorpusSource = (entry: TCorpusFile) => readFile(path.join(getExercisesDir(), entry.slug, entry.file), "utf8");

export interface TCorpusVerdict {
  /** a code named that the file does not carry (any diagnosis, for accepted/ and negative/) */
  misleading: string[];
  /** a carried code was named */
  isNamed: boolean;
}

export function judgeCorpusResult(entry: TCorpusFile, result: TGradingResult): TCorpusVerdict {
  const codes = result.diagnoses.map((diagnosis) => diagnosis.code);
  return {
    misleading: codes.filter((code) => !entry.carried.includes(code)),
    isNamed: codes.some((code) => entry.carried.includes(code)),
  };
}
