// Sorting and filtering the progress matrix in the browser: pure functions over the rows the
// server sent, so instructors can find stuck students without a round trip.
import type { TMatrixCell, TMatrixRow } from "@/server/grades/get-progress-matrix";

export type TSortKey = { kind: "name" } | { kind: "total" } | { kind: "exercise"; index: number };
export type TSortDirection = "ascending" | "descending";
export type TStatusFilter = "all" | "stuck" | "not-started" | "passed" | "late";

export interface TMatrixFilter {
  query: string;
  /** null: a row matches when any exercise matches the status */
  exerciseIndex: number | null;
  status: TStatusFilter;
}

function matchesStatus(cell: TMatrixCell, status: TStatusFilter): boolean {
  switch (status) {
    case "all":
      return true;
    case "stuck":
      return cell.attempts > 0 && !cell.hasPassed;
    case "not-started":
      return cell.attempts === 0 && cell.pending === 0;
    case "passed":
      return cell.hasPassed;
    case "late":
      return cell.isLate;
  }
}

export function filterRows(rows: readonly TMatrixRow[], filter: TMatrixFilter): TMatrixRow[] {
  const query = filter.query.trim().toLocaleLowerCase();
  return rows.filter((row) => {
    if (query && !row.name.toLocaleLowerCase().includes(query) && !row.email.toLocaleLowerCase().includes(query)) return false;
    const cells = filter.exerciseIndex === null ? row.cells : [row.cells[filter.exerciseIndex]!];
    return cells.some((cell) => matchesStatus(cell, filter.status));
  });
}

/** Students without a score sort below a score of zero: "not tried" is further behind than "tried". */
function valueOf(row: TMatrixRow, key: TSortKey): number | string {
  if (key.kind === "name") return row.name.toLocaleLowerCase();
  if (key.kind === "total") return row.total;
  return row.cells[key.index]?.bestScore ?? -1;
}

export function sortRows(rows: readonly TMatrixRow[], key: TSortKey, direction: TSortDirection): TMatrixRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, key);
    const y = valueOf(b, key);
    const order = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : Number(x) - Number(y);
    // Ties keep alphabetical order whatever the direction, so the table never looks shuffled.
    return sign * order || a.name.localeCompare(b.name);
  });
}

export function isSameSortKey(a: TSortKey, b: TSortKey): boolean {
  return a.kind === b.kind && (a.kind !== "exercise" || (b.kind === "exercise" && a.index === b.index));
}
