import { describe, expect, it } from "vitest";
import { buildLineDiff } from "./submission-diff";

const numbered = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `line ${from + i}`);

describe("buildLineDiff", () => {
  it("numbers removed lines in the old file and added lines in the new one", () => {
    const diff = buildLineDiff("a\nb\nc\n", "a\nB\nc\nd\n");
    expect(diff.lines).toEqual([
      { kind: "unchanged", text: "a", oldLine: 1, newLine: 1 },
      { kind: "removed", text: "b", oldLine: 2 },
      { kind: "added", text: "B", newLine: 2 },
      { kind: "unchanged", text: "c", oldLine: 3, newLine: 3 },
      { kind: "added", text: "d", newLine: 4 },
    ]);
    expect(diff.addedCount).toBe(2);
    expect(diff.removedCount).toBe(1);
  });

  it("ignores Windows line endings and a missing final newline", () => {
    const diff = buildLineDiff("x = 1\r\ny = 2\r\n", "x = 1\ny = 2");
    expect(diff.addedCount + diff.removedCount).toBe(0);
  });

  it("folds long unchanged stretches but keeps three lines of context around a change", () => {
    const before = [...numbered(10), "old", ...numbered(10, 11)].join("\n");
    const after = [...numbered(10), "new", ...numbered(10, 11)].join("\n");
    const { lines } = buildLineDiff(before, after);
    expect(lines[0]).toEqual({ kind: "folded", count: 7 });
    expect(lines.slice(1, 4).map((line) => ("text" in line ? line.text : ""))).toEqual(["line 8", "line 9", "line 10"]);
    expect(lines.at(-1)).toEqual({ kind: "folded", count: 7 });
    expect(lines).toHaveLength(1 + 3 + 2 + 3 + 1);
  });

  it("does not fold away a single line", () => {
    const before = ["a", ...numbered(7), "b"].join("\n");
    const after = ["A", ...numbered(7), "B"].join("\n");
    expect(buildLineDiff(before, after).lines.some((line) => line.kind === "folded")).toBe(false);
  });

  it("folds everything when nothing changed", () => {
    const code = numbered(5).join("\n");
    expect(buildLineDiff(code, code)).toEqual({ lines: [{ kind: "folded", count: 5 }], addedCount: 0, removedCount: 0 });
  });
});
