import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_FILE, listExerciseFolders, renderExerciseIndex } from "./generate-index";

describe("exercises/index.ts", () => {
  it("is up to date: run `npx tsx exercises/generate-index.ts` after adding or removing an exercise folder", async () => {
    const committed = await readFile(path.join(__dirname, INDEX_FILE), "utf8");
    expect(committed).toBe(renderExerciseIndex(listExerciseFolders(__dirname)));
  });

  it("lists only folders with a reference.ts and rejects slugs that are not kebab-case", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "convlab-index-"));
    try {
      await mkdir(path.join(dir, "max-pool2d"));
      await writeFile(path.join(dir, "max-pool2d", "reference.ts"), "");
      await mkdir(path.join(dir, "notes"));
      expect(listExerciseFolders(dir)).toEqual(["max-pool2d"]);
      expect(renderExerciseIndex(["max-pool2d"])).toContain(`import { definition as maxPool2d } from "./max-pool2d/reference";`);
      await mkdir(path.join(dir, "Bad_Name"));
      await writeFile(path.join(dir, "Bad_Name", "reference.ts"), "");
      expect(() => listExerciseFolders(dir)).toThrow(/kebab-case/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
