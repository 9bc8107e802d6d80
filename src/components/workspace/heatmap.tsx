"use client";
// A 2-D number grid drawn as coloured cells, with an outlined cell and window, shaded padding,
// a spoken summary for screen readers and the exact values in an expandable table. Cells show a
// compact value; pointing at a cell, or focusing the grid and moving with the arrow keys, reads
// its exact value in the line under the grid (a polite live region).
import { useState, type CSSProperties, type KeyboardEvent } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { workspaceMessages } from "@/i18n/workspace";
import { formatSlice, isInWindow, type TCell, type TWindow } from "./conv-geometry";
import {
  chooseScaleKind,
  computeDomain,
  createColorScale,
  describeGradient,
  findLegendEnds,
  formatCellValue,
  formatFullValue,
  pickTextColor,
  toCssColor,
  WHITE,
  type TDomain,
  type TRgb,
} from "./heatmap-scale";

export interface THeatmapProps {
  title: string;
  /** a secondary line under the title, e.g. the grader's name for the array */
  subtitle?: string;
  /** values[r][c] is cell (rowOffset + r, colOffset + c) of the full array; null marks a missing value */
  values: readonly (readonly (number | null)[])[];
  rowOffset?: number;
  colOffset?: number;
  /** pass the same domain to heatmaps that should be compared colour for colour; default: this grid's range */
  domain?: TDomain;
  /** full-array coordinates, like everything below */
  highlightCell?: TCell | null;
  /** half-open row and column ranges */
  highlightWindow?: TWindow | null;
  /** the real image inside zero padding: cells outside it are hatched */
  imageRegion?: TWindow | null;
  /** default: when the grid is at most 12 × 12 */
  showValues?: boolean;
}

const SMALL_GRID = 12;
const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
const HATCH = "repeating-linear-gradient(45deg, rgb(15 23 42 / 0.22) 0 2px, transparent 2px 6px)";
const NAN_BACKGROUND: TRgb = [15, 23, 42];

function clipWindow(window: TWindow, rowOffset: number, colOffset: number, rows: number, cols: number): TWindow | null {
  const rowStart = Math.max(window.rows[0] - rowOffset, 0);
  const rowEnd = Math.min(window.rows[1] - rowOffset, rows);
  const colStart = Math.max(window.cols[0] - colOffset, 0);
  const colEnd = Math.min(window.cols[1] - colOffset, cols);
  return rowStart < rowEnd && colStart < colEnd ? { rows: [rowStart, rowEnd], cols: [colStart, colEnd] } : null;
}

/** Grid placement in local cell coordinates; line 1 and column 1 hold the index labels. */
function placeWindow(window: TWindow): CSSProperties {
  return { gridRow: `${window.rows[0] + 2} / ${window.rows[1] + 2}`, gridColumn: `${window.cols[0] + 2} / ${window.cols[1] + 2}` };
}

export function Heatmap({
  title,
  subtitle,
  values,
  rowOffset = 0,
  colOffset = 0,
  domain,
  highlightCell = null,
  highlightWindow = null,
  imageRegion = null,
  showValues,
}: THeatmapProps) {
  const t = workspaceMessages(useLocale());
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const ownDomain = computeDomain([values]);
  const scaleDomain = domain ?? ownDomain;
  const scaleKind = chooseScaleKind(scaleDomain);
  const colorOf = createColorScale(scaleDomain, scaleKind);
  const legendEnds = findLegendEnds(scaleDomain, scaleKind);
  const isShowingValues = showValues ?? (rows <= SMALL_GRID && cols <= SMALL_GRID);
  const cellSize = isShowingValues ? 44 : Math.max(6, Math.min(24, Math.floor(384 / Math.max(rows, cols, 1))));
  const labelEvery = isShowingValues ? 1 : 5;
  const [inspected, setInspected] = useState<{ row: number; col: number; isKeyboard: boolean } | null>(null);

  const isPadding = (r: number, c: number) =>
    imageRegion !== null && !isInWindow({ row: r + rowOffset, col: c + colOffset }, imageRegion);
  const hasPadding = values.some((row, r) => row.some((_, c) => isPadding(r, c)));
  const localCellWindow = highlightCell
    ? clipWindow({ rows: [highlightCell.row, highlightCell.row + 1], cols: [highlightCell.col, highlightCell.col + 1] }, rowOffset, colOffset, rows, cols)
    : null;
  const localCell = localCellWindow ? { row: localCellWindow.rows[0], col: localCellWindow.cols[0] } : null;
  const localWindow = highlightWindow ? clipWindow(highlightWindow, rowOffset, colOffset, rows, cols) : null;

  const cellValues = values.flat();
  const hasFiniteValue = cellValues.some((value) => value !== null && Number.isFinite(value));
  const nanCount = cellValues.filter((value) => value !== null && Number.isNaN(value)).length;
  const describeValue = (value: number | null) => (value === null ? t.heatmapMissing : formatFullValue(value));
  const summary = [
    title,
    format(t.heatmapShape, { rows, cols }),
    rowOffset > 0 || colOffset > 0
      ? format(t.heatmapCrop, { rowStart: rowOffset, rowEnd: rowOffset + rows - 1, colStart: colOffset, colEnd: colOffset + cols - 1 })
      : null,
    hasFiniteValue
      ? format(t.heatmapRange, { min: formatFullValue(ownDomain.min), max: formatFullValue(ownDomain.max) })
      : t.heatmapNoValues,
    nanCount > 0 ? format(t.heatmapNaNCount, { count: nanCount }) : null,
    localCell && highlightCell
      ? format(t.heatmapCell, {
          row: highlightCell.row,
          col: highlightCell.col,
          value: describeValue(values[localCell.row][localCell.col]),
        })
      : null,
    highlightWindow && localWindow
      ? format(t.heatmapWindow, { rows: formatSlice(highlightWindow.rows), cols: formatSlice(highlightWindow.cols) })
      : null,
  ]
    .filter((part) => part !== null)
    .join("; ");

  const moveInspected = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = ARROWS[event.key];
    if (!step || rows === 0 || cols === 0) return;
    event.preventDefault();
    const from = inspected ?? localCell ?? { row: 0, col: 0 };
    const clamp = (at: number, size: number) => Math.max(0, Math.min(size - 1, at));
    setInspected({ row: clamp(from.row + step[0], rows), col: clamp(from.col + step[1], cols), isKeyboard: true });
  };

  return (
    <figure className="flex min-w-0 flex-col gap-2">
      <figcaption className="text-sm font-medium text-slate-900">
        {title}
        {subtitle ? <span className="block font-mono text-xs font-normal text-slate-600">{subtitle}</span> : null}
      </figcaption>
      <div
        className="max-w-full overflow-auto focus-visible:outline-2 focus-visible:outline-blue-700"
        tabIndex={0}
        onKeyDown={moveInspected}
        onFocus={() => setInspected((current) => current ?? { ...(localCell ?? { row: 0, col: 0 }), isKeyboard: true })}
        onBlur={() => setInspected(null)}
        onMouseLeave={() => setInspected((current) => (current?.isKeyboard ? current : null))}
      >
        <div
          role="img"
          aria-label={summary}
          className="grid w-max gap-px bg-white"
          style={{
            gridTemplateColumns: `auto repeat(${cols}, ${cellSize}px)`,
            gridTemplateRows: `auto repeat(${rows}, ${cellSize}px)`,
          }}
        >
          {Array.from({ length: cols }, (_, c) => (
            <span key={`col-${c}`} className="px-0.5 text-center text-[10px] leading-4 text-slate-600" style={{ gridRow: 1, gridColumn: c + 2 }}>
              {(c + colOffset) % labelEvery === 0 ? c + colOffset : ""}
            </span>
          ))}
          {Array.from({ length: rows }, (_, r) => (
            <span key={`row-${r}`} className="self-center pr-1 text-right text-[10px] leading-none text-slate-600" style={{ gridRow: r + 2, gridColumn: 1 }}>
              {(r + rowOffset) % labelEvery === 0 ? r + rowOffset : ""}
            </span>
          ))}
          {values.map((row, r) =>
            row.map((value, c) => {
              const isNaNCell = value !== null && Number.isNaN(value);
              // NaN gets a colour neither scale uses, so a wrong NaN stands out in large grids without text too.
              const background = value === null ? WHITE : isNaNCell ? NAN_BACKGROUND : colorOf(value);
              return (
                <span
                  key={`${r}-${c}`}
                  title={`[${r + rowOffset}, ${c + colOffset}] = ${describeValue(value)}`}
                  onMouseEnter={() => setInspected({ row: r, col: c, isKeyboard: false })}
                  className={`flex items-center justify-center overflow-hidden font-mono text-[11px] leading-none tabular-nums ${value === null ? "border border-dashed border-slate-400" : ""}`}
                  style={{
                    gridRow: r + 2,
                    gridColumn: c + 2,
                    backgroundColor: toCssColor(background),
                    backgroundImage: isPadding(r, c) ? HATCH : undefined,
                    color: toCssColor(pickTextColor(background)),
                  }}
                >
                  {isShowingValues && value !== null ? formatCellValue(value) : ""}
                </span>
              );
            }),
          )}
          {localWindow ? (
            <span
              className="pointer-events-none border-[3px] border-dashed border-slate-950 shadow-[inset_0_0_0_2px_white]"
              style={placeWindow(localWindow)}
            />
          ) : null}
          {inspected?.isKeyboard ? (
            <span
              data-testid="heatmap-inspected"
              className="pointer-events-none outline-2 outline-offset-0 outline-blue-700"
              style={placeWindow({ rows: [inspected.row, inspected.row + 1], cols: [inspected.col, inspected.col + 1] })}
            />
          ) : null}
          {localCellWindow ? (
            <span
              className="pointer-events-none border-[3px] border-slate-950 shadow-[inset_0_0_0_2px_white,0_0_0_2px_white]"
              style={placeWindow(localCellWindow)}
            />
          ) : null}
        </div>
      </div>
      <p aria-live="polite" data-testid="heatmap-inspect" className="min-h-4 font-mono text-xs text-slate-800">
        {inspected && values[inspected.row]
          ? format(t.heatmapInspect, { row: inspected.row + rowOffset, col: inspected.col + colOffset, value: describeValue(values[inspected.row][inspected.col] ?? null) })
          : <span className="font-sans text-slate-600">{t.heatmapInspectHint}</span>}
      </p>
      <p className="flex items-center gap-2 text-xs text-slate-700">
        <span className="sr-only">{t.heatmapScale}:</span>
        <span className="font-mono">{formatCellValue(legendEnds.min)}</span>
        <span aria-hidden="true" className="h-3 w-28 rounded-sm border border-slate-300" style={{ backgroundImage: describeGradient(scaleDomain, scaleKind) }} />
        <span className="font-mono">{formatCellValue(legendEnds.max)}</span>
      </p>
      {hasPadding ? <p className="text-xs text-slate-700">{t.heatmapPaddingNote}</p> : null}
      <details className="text-xs text-slate-800">
        <summary className="cursor-pointer text-blue-800 underline-offset-2 hover:underline">{t.heatmapShowTable}</summary>
        <div className="mt-2 max-h-80 max-w-full overflow-auto" tabIndex={0}>
          <table className="border-collapse font-mono tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-sans font-medium">
                  {t.heatmapCorner}
                </th>
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} scope="col" className="border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-medium">
                    {c + colOffset}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {values.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className="border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-medium">
                    {r + rowOffset}
                  </th>
                  {row.map((value, c) => {
                    const isHighlighted = localCell?.row === r && localCell.col === c;
                    return (
                      <td key={c} className={`border border-slate-300 px-1.5 py-0.5 text-right ${isHighlighted ? "bg-amber-100 font-semibold" : ""}`}>
                        {describeValue(value)}
                        {isPadding(r, c) ? <span className="ml-1 font-sans text-slate-600">{t.heatmapPaddingMark}</span> : null}
                        {isHighlighted ? <span className="ml-1 font-sans">{t.heatmapHighlightMark}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
