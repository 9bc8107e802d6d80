// The gradebook file: one row per student, name and email, then one column per assignment, in a
// CSV that LMS gradebook imports (Moodle, Canvas, Blackboard) accept as "match by email".
import Papa from "papaparse";

/**
 * Cells a spreadsheet would run as a formula: = + - @ and the tab / carriage return tricks, plus
 * their full-width forms, which some East Asian Excel versions also accept, also after leading
 * spaces (spreadsheets trim them before deciding). Student names are typed by students, so they
 * are never trusted.
 */
const FORMULA_START = /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A score; "EX": excused (the convention Canvas reads); "": not yet due for that student. */
export type TGradeCell = number | "EX" | "";

export interface TGradesTable {
  assignmentTitles: string[];
  /** per-exercise columns after the assignments' ("<assignment> / <exercise>"), when wanted */
  exerciseTitles?: string[];
  /** notes: which scores were set by hand; a "Notes" column appears when any student has some */
  students: { name: string; email: string; scores: TGradeCell[]; exerciseScores?: TGradeCell[]; notes?: string }[];
}

/** Repeated titles would make the import merge two columns into one; later ones get " (2)", " (3)". */
function distinctTitles(titles: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const count = (seen.get(title) ?? 0) + 1;
    seen.set(title, count);
    return count === 1 ? title : `${title} (${count})`;
  });
}

/**
 * Any gradebook layout (the LMS-specific ones in export-grades.ts too) goes through here, so every
 * cell gets the same formula neutralisation. Starts with a byte-order mark so that Excel reads the
 * UTF-8 (Chinese names) correctly.
 */
export function buildSpreadsheetCsv(fields: string[], rows: (string | number)[][]): string {
  const csv = Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA_START, newline: "\r\n" });
  return `\uFEFF${csv}\r\n`;
}

export function buildGradesCsv(table: TGradesTable): string {
  const withNotes = table.students.some((s) => s.notes);
  return buildSpreadsheetCsv(
    ["Name", "Email", ...distinctTitles(table.assignmentTitles), ...(table.exerciseTitles ?? []), ...(withNotes ? ["Notes"] : [])],
    table.students.map((s) => [s.name, s.email, ...s.scores, ...(s.exerciseScores ?? []), ...(withNotes ? [s.notes ?? ""] : [])]),
  );
}
