// The gradebook file: one row per student, name and email, then one column per assignment, in a
// CSV that LMS gradebook imports (Moodle, Canvas, Blackboard) accept as "match by email".
import Papa from "papaparse";

/**
 * Cells a spreadsheet would run as a formula: = + - @ and the tab / carriage return tricks, plus
 * their full-width forms, which some East Asian Excel versions also accept. Student names are
 * typed by students, so they are never trusted.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export interface TGradesTable {
  assignmentTitles: string[];
  /** "EX": the student is excused from that assignment (the LMS convention Canvas reads). */
  /** notes: which scores were set by hand; a "Notes" column appears when any student has some */
  students: { name: string; email: string; scores: (number | "EX")[]; notes?: string }[];
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

/** Starts with a byte-order mark so that Excel reads the UTF-8 (Chinese names) correctly. */
export function buildGradesCsv(table: TGradesTable): string {
  const withNotes = table.students.some((s) => s.notes);
  const csv = Papa.unparse(
    {
      fields: ["Name", "Email", ...distinctTitles(table.assignmentTitles), ...(withNotes ? ["Notes"] : [])],
      data: table.students.map((s) => [s.name, s.email, ...s.scores, ...(withNotes ? [s.notes ?? ""] : [])]),
    },
    { escapeFormulae: FORMULA_START, newline: "\r\n" },
  );
  return `\uFEFF${csv}\r\n`;
}
