// A line diff between two submissions, shaped for display: numbered lines marked added, removed
// or unchanged, with long unchanged stretches folded so the changes stay in view.
import { diffLines } from "diff";

export type TDiffLine =
  | { kind: "added"; text: string; newLine: number }
  | { kind: "removed"; text: string; oldLine: number }
  | { kind: "unchanged"; text: string; oldLine: number; newLine: number }
  /** unchanged lines folded away */
  | { kind: "folded"; count: number };

export interface TLineDiff {
  lines: TDiffLine[];
  addedCount: number;
  removedCount: number;
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Keeps `context` unchanged lines next to each change; a fold must hide at least two lines to be worth it. */
function foldUnchanged(lines: TDiffLine[], context: number): TDiffLine[] {
  const folded: TDiffLine[] = [];
  let start = 0;
  while (start < lines.length) {
    if (lines[start].kind !== "unchanged") {
      folded.push(lines[start]);
      start += 1;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end].kind === "unchanged") end += 1;
    const keepBefore = start === 0 ? 0 : context;
    const keepAfter = end === lines.length ? 0 : context;
    const hidden = end - start - keepBefore - keepAfter;
    if (hidden >= 2) {
      folded.push(...lines.slice(start, start + keepBefore), { kind: "folded", count: hidden }, ...lines.slice(end - keepAfter, end));
    } else {
      folded.push(...lines.slice(start, end));
    }
    start = end;
  }
  return folded;
}

export function buildLineDiff(previous: string, current: string, context = 3): TLineDiff {
  const lines: TDiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  let addedCount = 0;
  let removedCount = 0;
  // A missing newline at the end of the file or Windows line endings are not changes a student made on purpose.
  for (const change of diffLines(previous, current, { stripTrailingCr: true, ignoreNewlineAtEof: true })) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        lines.push({ kind: "added", text, newLine: newLine++ });
        addedCount += 1;
      } else if (change.removed) {
        lines.push({ kind: "removed", text, oldLine: oldLine++ });
        removedCount += 1;
      } else {
        lines.push({ kind: "unchanged", text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }
  return { lines: foldUnchanged(lines, context), addedCount, removedCount };
}
