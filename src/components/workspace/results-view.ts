// Turns a failing case's detail from the grading result into what the results panel draws:
// decoded grids, the difference grid, the highlighted cell and window, compact labels, and the
// reader's language for messages, case names and heatmap labels.
// Only types come from result-schema: its zod schemas would otherwise ship to the browser.
import { decodeJsonNumber, renderMessage, type TMessage } from "@/grading/result-format";
import type { THeatmap, TInputWindow } from "@/grading/result-schema";
import { format, type TLocale } from "@/i18n";
import { workspaceMessages } from "@/i18n/workspace";
import type { TCell, TWindow } from "./conv-geometry";

export function decodeValues(heatmap: THeatmap): number[][] {
  return heatmap.values.map((row) => row.map(decodeJsonNumber));
}

/** actual − expected cell by cell; null unless both cover the same cells of the plane. */
export function computeDifference(expected: THeatmap, actual: THeatmap): number[][] | null {
  const isSameCrop =
    expected.rowOffset === actual.rowOffset &&
    expected.colOffset === actual.colOffset &&
    expected.values.length === actual.values.length &&
    expected.values.every((row, r) => row.length === actual.values[r].length);
  if (!isSameCrop) return null;
  return expected.values.map((row, r) => row.map((value, c) => decodeJsonNumber(actual.values[r][c]) - decodeJsonNumber(value)));
}

/** The (row, col) of a full output index inside its 2-D plane: the last two axes. */
export function findPlaneCell(index: readonly number[]): TCell | null {
  if (index.length < 2) return null;
  return { row: index[index.length - 2], col: index[index.length - 1] };
}

export function isWindowOnPlane(window: TInputWindow, plane: THeatmap): boolean {
  return window.channel === null || window.channel === plane.channel;
}

/**
 * Where the real image sits inside a zero-padded input plane, in full-plane coordinates. The
 * top and left bands are known from the padding alone. The result does not record the padded
 * plane's full size, and planes over 32 cells are cropped, so the bottom and right bands count
 * as padding only when they are entirely zero, as padding is and random test data never is.
 */
export function findImageRegion(plane: THeatmap, padding: { rows: number; cols: number }): TWindow {
  const values = decodeValues(plane);
  const rowCount = values.length;
  const colCount = values[0]?.length ?? 0;
  const isZero = (rowFrom: number, rowTo: number, colFrom: number, colTo: number) =>
    values.slice(rowFrom, rowTo).every((row) => row.slice(colFrom, colTo).every((value) => value === 0));
  const bottomBand = Math.min(padding.rows, rowCount);
  const rightBand = Math.min(padding.cols, colCount);
  const rowEnd = isZero(rowCount - bottomBand, rowCount, 0, colCount) ? rowCount - bottomBand : rowCount;
  const colEnd = isZero(0, rowCount, colCount - rightBand, colCount) ? colCount - rightBand : colCount;
  return {
    rows: [padding.rows, plane.rowOffset + rowEnd],
    cols: [padding.cols, plane.colOffset + colEnd],
  };
}

/**
 * The cases a diagnosis explains, as one line in the reader's language. Diagnoses list cases by
 * their identifier `name`; the result's own cases give each its shown title.
 */
/** How many named cases a diagnosis's evidence line shows before "and N more". */
const MAX_NAMED_CASES = 3;

/**
 * A diagnosis's evidence in one line: how sure it is (on `explained` of the `telling` cases where
 * the mistake would show) when the grader said, then at most three of the cases it explains by
 * name. Results graded before the counts existed show the named cases only.
 */
export function describeDiagnosisEvidence(
  locale: TLocale,
  diagnosis: { cases: readonly string[]; explained?: number; telling?: number },
  cases: readonly { name: string; title: TMessage }[],
): string {
  const t = workspaceMessages(locale);
  const named = listCaseNames(locale, diagnosis.cases.slice(0, MAX_NAMED_CASES), cases);
  const more = diagnosis.cases.length - MAX_NAMED_CASES;
  const examples = more > 0 ? format(t.diagnosisMoreCases, { cases: named, more }) : named;
  if (diagnosis.explained !== undefined && diagnosis.telling !== undefined && diagnosis.telling > 0) {
    return format(t.diagnosisEvidence, { explained: diagnosis.explained, telling: diagnosis.telling, cases: examples });
  }
  return format(t.diagnosisCases, { cases: examples });
}

export function listCaseNames(locale: TLocale, names: readonly string[], cases: readonly { name: string; title: TMessage }[]): string {
  const shown = names.map((name) => {
    const entry = cases.find((candidate) => candidate.name === name);
    return entry ? renderMessage(entry.title, locale) : name;
  });
  return shown.join(workspaceMessages(locale).listSeparator);
}

/** The title over an input plane: "padded" only when the reference padded it (the subtitle says with what). */
export function titleInputPlane(
  t: { heatmapInput: string; heatmapInputChannel: string; heatmapInputPadded: string; heatmapInputChannelPadded: string },
  plane: { channel: number | null },
  padding: { rows: number; cols: number },
): string {
  const isPadded = padding.rows > 0 || padding.cols > 0;
  if (plane.channel === null) return isPadded ? t.heatmapInputPadded : t.heatmapInput;
  return (isPadded ? t.heatmapInputChannelPadded : t.heatmapInputChannel).replace("{channel}", String(plane.channel));
}

export function isSameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, axis) => size === b[axis]);
}

/** Scores after a late penalty can be fractional: at most two decimals, no trailing zeros. */
export function formatScore(score: number): string {
  return String(Number(score.toFixed(2)));
}

export function formatIndex(index: readonly number[]): string {
  return `[${index.join(", ")}]`;
}
