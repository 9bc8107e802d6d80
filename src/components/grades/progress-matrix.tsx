"use client";
// Students × exercises of an assignment: best score, attempts, late and passed marks per cell,
// sortable by any column and filterable by name and status; each cell opens that student's
// submissions for that exercise.
import Link from "next/link";
import { useId, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { formatScore } from "@/components/workspace/results-view";
import { format, formatCount } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { instructorMessages } from "@/i18n/instructor";
import type { TMatrixCell, TProgressMatrix } from "@/server/grades/get-progress-matrix";
import { filterRows, isSameSortKey, sortRows, type TSortDirection, type TSortKey, type TStatusFilter } from "./progress-matrix-model";

const SELECT = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900";

function cellLook(cell: TMatrixCell): string {
  if (cell.hasPassed) return "bg-green-50 text-green-950 hover:bg-green-100";
  if (cell.attempts > 0) return "bg-amber-50 text-amber-950 hover:bg-amber-100";
  return "text-slate-700 hover:bg-slate-100";
}


function SortHeader({
  label,
  sortKey,
  active,
  direction,
  onSort,
  className = "",
}: {
  label: string;
  sortKey: TSortKey;
  active: TSortKey;
  direction: TSortDirection;
  onSort: (key: TSortKey) => void;
  className?: string;
}) {
  const isActive = isSameSortKey(sortKey, active);
  return (
    <th scope="col" aria-sort={isActive ? direction : undefined} className={`p-0 align-bottom ${className}`}>
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className="flex w-full items-end gap-1 px-2 py-2 text-left font-semibold hover:bg-slate-100 focus-visible:outline-2"
      >
        <span>{label}</span>
        <span aria-hidden="true" className={isActive ? "text-slate-900" : "text-slate-400"}>
          {isActive ? (direction === "ascending" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

export function ProgressMatrix({ matrix, submissionsHref }: { matrix: TProgressMatrix; submissionsHref: string }) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const id = useId();
  const [query, setQuery] = useState("");
  const [exerciseIndex, setExerciseIndex] = useState<number | null>(null);
  const [status, setStatus] = useState<TStatusFilter>("all");
  const [sortKey, setSortKey] = useState<TSortKey>({ kind: "name" });
  const [direction, setDirection] = useState<TSortDirection>("ascending");

  if (matrix.rows.length === 0) return <p className="text-slate-700">{t.noStudents}</p>;

  const onSort = (key: TSortKey) => {
    if (isSameSortKey(key, sortKey)) setDirection(direction === "ascending" ? "descending" : "ascending");
    else {
      setSortKey(key);
      // Scores are most useful highest first; names from A.
      setDirection(key.kind === "name" ? "ascending" : "descending");
    }
  };
  const shown = sortRows(filterRows(matrix.rows, { query, exerciseIndex, status }), sortKey, direction);
  const statusOptions: [TStatusFilter, string][] = [
    ["all", t.statusAll],
    ["stuck", t.statusStuck],
    ["not-started", t.statusNotStarted],
    ["passed", t.statusPassed],
    ["late", t.statusLate],
  ];

  return (
    <div className="flex flex-col gap-3">
      <form role="search" onSubmit={(event) => event.preventDefault()} className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-query`} className="text-sm font-medium">
            {t.search}
          </label>
          <input
            id={`${id}-query`}
            type="search"
            value={query}
            placeholder={t.searchPlaceholder}
            onChange={(event) => setQuery(event.target.value)}
            className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-status`} className="text-sm font-medium">
            {t.filterStatus}
          </label>
          <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as TStatusFilter)} className={SELECT}>
            {statusOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-exercise`} className="text-sm font-medium">
            {t.filterExercise}
          </label>
          <select
            id={`${id}-exercise`}
            value={exerciseIndex ?? ""}
            onChange={(event) => setExerciseIndex(event.target.value === "" ? null : Number(event.target.value))}
            className={SELECT}
          >
            <option value="">{t.anyExercise}</option>
            {matrix.exercises.map((exercise, index) => (
              <option key={exercise.id} value={index}>
                {exerciseTitle(exercise, locale)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p aria-live="polite" className="text-sm text-slate-700">
        {format(t.showing, { shown: shown.length, total: matrix.rows.length })}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full border-collapse text-left text-sm" data-testid="progress-matrix">
          <caption className="sr-only">{t.matrixCaption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <SortHeader label={t.student} sortKey={{ kind: "name" }} active={sortKey} direction={direction} onSort={onSort} className="min-w-48" />
              {matrix.exercises.map((exercise, index) => (
                <SortHeader
                  key={exercise.id}
                  label={`${exerciseTitle(exercise, locale)} (${exercise.points})`}
                  sortKey={{ kind: "exercise", index }}
                  active={sortKey}
                  direction={direction}
                  onSort={onSort}
                  className="min-w-28"
                />
              ))}
              <SortHeader label={`${t.total} (${matrix.maxTotal})`} sortKey={{ kind: "total" }} active={sortKey} direction={direction} onSort={onSort} />
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.userId} className="border-b border-slate-100">
                <th scope="row" className="p-2 text-left font-normal">
                  <span className="block font-medium text-slate-900">{row.name}</span>
                  <span className="block text-xs text-slate-600">{row.email}</span>
                </th>
                {row.cells.map((cell, index) => {
                  const exercise = matrix.exercises[index]!;
                  return (
                    <td key={exercise.id} className="p-0">
                      <Link
                        href={`${submissionsHref}/${encodeURIComponent(row.userId)}/${encodeURIComponent(exercise.slug)}`}
                        className={`flex h-full min-h-12 flex-col justify-center px-2 py-1 tabular-nums ${cellLook(cell)}`}
                      >
                        {/* Heard before the score, so a link read out of the table still says whose work it is. */}
                        <span className="sr-only">{`${row.name}, ${exerciseTitle(exercise, locale)}: `}</span>
                        {cell.bestScore === null ? (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="sr-only">{t.notAttempted}</span>
                          </>
                        ) : (
                          <span className="font-medium">
                            {cell.hasPassed ? (
                              <>
                                <span aria-hidden="true">✓ </span>
                                <span className="sr-only">{`${t.passedMark}, `}</span>
                              </>
                            ) : null}
                            {format(t.cellScore, { score: formatScore(cell.bestScore), max: formatScore(exercise.points) })}
                          </span>
                        )}
                        <span className="flex flex-wrap gap-x-1 text-xs">
                          {cell.attempts > 0 ? <span>{formatCount(locale, { one: t.cellAttemptsOne, other: t.cellAttempts }, cell.attempts)}</span> : null}
                          {cell.isLate ? (
                            <span className="rounded bg-amber-200 px-1 text-amber-950">
                              <span className="sr-only">, </span>
                              {t.lateBadge}
                            </span>
                          ) : null}
                          {cell.override ? (
                            <span className="rounded bg-violet-200 px-1 text-violet-950" title={cell.override.comment}>
                              <span className="sr-only">, </span>
                              {t.overrideBadge}
                            </span>
                          ) : null}
                          {cell.pending > 0 ? (
                            <span>
                              <span className="sr-only">, </span>
                              {format(t.pendingShort, { count: cell.pending })}
                            </span>
                          ) : null}
                        </span>
                      </Link>
                    </td>
                  );
                })}
                <td className="p-2 font-medium tabular-nums">{formatScore(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p className="text-slate-700">{t.noMatches}</p> : null}
    </div>
  );
}
