import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { MISTAKES } from "@/grading/mistakes";
import { LOCALES } from "./index";
import { mistakeTitle, mistakeTitles } from "./mistake-titles";

const exercisesFolder = fileURLToPath(new URL("../../exercises/", import.meta.url));

/** Every exercise folder's catalog, read from the files themselves so a new exercise is not missed. */
async function catalogCodes(): Promise<Map<string, string[]>> {
  const folders = readdirSync(exercisesFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const codes = new Map<string, string[]>();
  for (const folder of folders) {
    const file = join(exercisesFolder, folder.name, "mistakes.ts");
    if (!readdirSync(join(exercisesFolder, folder.name)).includes("mistakes.ts")) continue;
    const { catalog } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { catalog: readonly { code: string }[] };
    codes.set(folder.name, catalog.map((entry) => entry.code));
  }
  return codes;
}

describe("mistake titles", () => {
  it("has a short title in every locale for every mistake of every exercise's catalog", async () => {
    const catalogs = await catalogCodes();
    expect(catalogs.size).toBeGreaterThanOrEqual(7);
    const missing = [...catalogs].flatMap(([exercise, codes]) =>
      codes.flatMap((code) => LOCALES.filter((locale) => mistakeTitle(code, locale) === null).map((locale) => `${exercise}: ${code} (${locale})`)),
    );
    expect(missing).toEqual([]);
  });

  it("has a short title in every locale for every mistake of the shared table", () => {
    const missing = Object.values(MISTAKES).flatMap(({ code }) => LOCALES.filter((locale) => mistakeTitle(code, locale) === null).map((locale) => `${code} (${locale})`));
    expect(missing).toEqual([]);
  });

  it("keeps titles short enough for a chart axis", () => {
    const long = LOCALES.flatMap((locale) => Object.values(mistakeTitles(locale)).filter((title) => title.length > 30));
    expect(long).toEqual([]);
  });

  it("knows no title for a code no table has, rather than a made-up one", () => {
    expect(mistakeTitle("no-such-mistake", "en")).toBeNull();
    expect(mistakeTitle("toString", "en")).toBeNull();
  });
});
