import { describe, expect, it } from "vitest";
import type { TMatrixCell, TMatrixRow } from "@/server/grades/get-progress-matrix";
import { filterRows, isSameSortKey, sortRows } from "./progress-matrix-model";

const cell = (bestScore: number | null, options: Partial<TMatrixCell> = {}): TMatrixCell => ({
  bestScore,
  attempts: bestScore === null ? 0 : 1,
  pending: 0,
  isLate: false,
  hasPassed: false,
  override: null,
  ...options,
});

const row = (name: string, cells: TMatrixCell[]): TMatrixRow => ({
  userId: name,
  name,
  email: `${name.toLowerCase()}@uni.test`,
  cells,
  total: cells.reduce((sum, c) => sum + (c.bestScore ?? 0), 0),
});

const rows = [
  row("Cy", [cell(5, { hasPassed: true }), cell(null)]),
  row("Ada", [cell(2), cell(10, { hasPassed: true, isLate: true })]),
  row("Ben", [cell(null), cell(null, { pending: 1 })]),
];
const names = (list: TMatrixRow[]) => list.map((r) => r.name);

describe("sortRows", () => {
  it("sorts by name, total or one exercise, both ways", () => {
    expect(names(sortRows(rows, { kind: "name" }, "ascending"))).toEqual(["Ada", "Ben", "Cy"]);
    expect(names(sortRows(rows, { kind: "total" }, "descending"))).toEqual(["Ada", "Cy", "Ben"]);
    expect(names(sortRows(rows, { kind: "exercise", index: 0 }, "descending"))).toEqual(["Cy", "Ada", "Ben"]);
  });

  it("puts students who never tried below a score of zero and keeps ties alphabetical", () => {
    const tied = [row("Zed", [cell(0)]), row("Amy", [cell(null)]), row("Bob", [cell(0)])];
    expect(names(sortRows(tied, { kind: "exercise", index: 0 }, "ascending"))).toEqual(["Amy", "Bob", "Zed"]);
    expect(names(sortRows(tied, { kind: "exercise", index: 0 }, "descending"))).toEqual(["Bob", "Zed", "Amy"]);
  });
});

describe("filterRows", () => {
  const all = { query: "", exerciseIndex: null, status: "all" as const };

  it("finds students by name or email, ignoring case", () => {
    expect(names(filterRows(rows, { ...all, query: "ADA" }))).toEqual(["Ada"]);
    expect(names(filterRows(rows, { ...all, query: "ben@" }))).toEqual(["Ben"]);
  });

  it("finds students stuck on any exercise or on one", () => {
    expect(names(filterRows(rows, { ...all, status: "stuck" }))).toEqual(["Ada"]);
    expect(names(filterRows(rows, { ...all, status: "stuck", exerciseIndex: 1 }))).toEqual([]);
  });

  it("tells not started from still being graded, and finds late and passed work", () => {
    expect(names(filterRows(rows, { ...all, status: "not-started", exerciseIndex: 1 }))).toEqual(["Cy"]);
    expect(names(filterRows(rows, { ...all, status: "late" }))).toEqual(["Ada"]);
    expect(names(filterRows(rows, { ...all, status: "passed", exerciseIndex: 0 }))).toEqual(["Cy"]);
  });
});

describe("isSameSortKey", () => {
  it("compares the exercise column too", () => {
    expect(isSameSortKey({ kind: "exercise", index: 1 }, { kind: "exercise", index: 1 })).toBe(true);
    expect(isSameSortKey({ kind: "exercise", index: 1 }, { kind: "exercise", index: 2 })).toBe(false);
    expect(isSameSortKey({ kind: "name" }, { kind: "total" })).toBe(false);
  });
});
