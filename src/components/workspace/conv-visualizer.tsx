"use client";
// An interactive picture of zero-padded, strided 2-D cross-correlation: choose the sizes, then
// point at or focus an output cell to see the window of the padded input it reads.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { workspaceMessages } from "@/i18n/workspace";
import {
  clampCell,
  computeConvLayout,
  findInputWindow,
  findNextSlidePosition,
  formatSlice,
  isInWindow,
  isPaddingCell,
  listUnreadIndices,
  moveGridFocus,
  type TCell,
  type TConvShape,
} from "./conv-geometry";
import { usePrefersReducedMotion } from "./use-prefers-reduced-motion";

const CELL_PX = 28;
const GAP_PX = 2;
const STEP_PX = CELL_PX + GAP_PX;
const ANIMATION_STEP_MS = 800;

type TSetting = keyof TConvShape;

const SETTINGS: { key: TSetting; min: number; max: number; label: (t: TMessages) => string }[] = [
  { key: "inputRows", min: 1, max: 9, label: (t) => t.vizInputRows },
  { key: "inputCols", min: 1, max: 9, label: (t) => t.vizInputCols },
  { key: "kernelRows", min: 1, max: 9, label: (t) => t.vizKernelRows },
  { key: "kernelCols", min: 1, max: 9, label: (t) => t.vizKernelCols },
  { key: "padding", min: 0, max: 3, label: (t) => t.vizPadding },
  { key: "stride", min: 1, max: 3, label: (t) => t.vizStride },
];

type TMessages = ReturnType<typeof workspaceMessages>;

// Non-square, with a stride that does not divide evenly, so the first picture already shows both.
const INITIAL_SHAPE: TConvShape = { inputRows: 5, inputCols: 6, kernelRows: 3, kernelCols: 3, padding: 1, stride: 2 };

function gridStyle(rows: number, cols: number) {
  return {
    gridTemplateRows: `repeat(${rows}, ${CELL_PX}px)`,
    gridTemplateColumns: `repeat(${cols}, ${CELL_PX}px)`,
    gap: `${GAP_PX}px`,
  };
}

const cellKey = (cell: TCell) => `${cell.row}-${cell.col}`;

export function ConvVisualizer() {
  const t = workspaceMessages(useLocale());
  const prefersReducedMotion = usePrefersReducedMotion();
  const [shape, setShape] = useState<TConvShape>(INITIAL_SHAPE);
  const [activeCell, setActiveCell] = useState<TCell>({ row: 0, col: 0 });
  const [hoveredCell, setHoveredCell] = useState<TCell | null>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const outputCellRefs = useRef(new Map<string, HTMLDivElement>());
  const outputCaptionId = useId();

  const layout = computeConvLayout(shape);
  const outputRows = layout.isValid ? layout.outputRows : 0;
  const outputCols = layout.isValid ? layout.outputCols : 0;
  const isAnimating = isPlaying && !prefersReducedMotion && layout.isValid;

  useEffect(() => {
    if (!isAnimating) return;
    const size = { rows: outputRows, cols: outputCols };
    const timer = setInterval(() => setActiveCell((cell) => findNextSlidePosition(clampCell(cell, size), size)), ANIMATION_STEP_MS);
    return () => clearInterval(timer);
  }, [isAnimating, outputRows, outputCols]);

  const changeSetting = (key: TSetting, value: number) => setShape((current) => ({ ...current, [key]: value }));

  const controls = (
    <fieldset className="grid grid-cols-2 gap-3 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
      <legend className="px-1 text-sm font-medium text-slate-900">{t.vizSizes}</legend>
      {SETTINGS.map(({ key, min, max, label }) => (
        <label key={key} className="flex flex-col gap-1 text-sm text-slate-800">
          {label(t)}
          <select
            value={shape[key]}
            onChange={(event) => changeSetting(key, Number(event.target.value))}
            className="rounded border border-slate-400 bg-white px-2 py-1 text-slate-900"
          >
            {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );

  const paddedFormula = format(t.vizPaddedFormula, {
    inputRows: shape.inputRows,
    inputCols: shape.inputCols,
    twoP: 2 * shape.padding,
    rows: layout.paddedRows,
    cols: layout.paddedCols,
  });

  if (!layout.isValid) {
    return (
      <div className="flex flex-col gap-4" data-testid="conv-visualizer">
        {controls}
        <p className="font-mono text-sm text-slate-800">{paddedFormula}</p>
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {format(t.vizTooLarge, {
            kernelRows: shape.kernelRows,
            kernelCols: shape.kernelCols,
            paddedRows: layout.paddedRows,
            paddedCols: layout.paddedCols,
          })}
        </p>
      </div>
    );
  }

  const outputSize = { rows: outputRows, cols: outputCols };
  const shownCell = clampCell(hoveredCell ?? activeCell, outputSize);
  const focusCell = clampCell(activeCell, outputSize);
  const inputWindow = findInputWindow(shownCell, shape);
  const unreadRows = new Set(listUnreadIndices(shape.inputRows, shape.kernelRows, shape.padding, shape.stride));
  const unreadCols = new Set(listUnreadIndices(shape.inputCols, shape.kernelCols, shape.padding, shape.stride));
  const hasUnread = unreadRows.size > 0 || unreadCols.size > 0;
  const windowText = (cell: TCell) => {
    const cellWindow = findInputWindow(cell, shape);
    return format(t.vizCellLabel, { row: cell.row, col: cell.col, rows: formatSlice(cellWindow.rows), cols: formatSlice(cellWindow.cols) });
  };

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = moveGridFocus(focusCell, event.key, outputSize, event.ctrlKey || event.metaKey);
    if (!next) return;
    event.preventDefault();
    setActiveCell(next);
    setHoveredCell(null);
    outputCellRefs.current.get(cellKey(next))?.focus();
  };

  const stepOnce = () => setActiveCell((cell) => findNextSlidePosition(clampCell(cell, outputSize), outputSize));

  return (
    <div className="flex flex-col gap-4" data-testid="conv-visualizer">
      {controls}
      <div className="flex flex-col gap-1 font-mono text-sm text-slate-800">
        <p>{paddedFormula}</p>
        <p>
          {format(t.vizOutputFormula, {
            paddedRows: layout.paddedRows,
            paddedCols: layout.paddedCols,
            kernelRows: shape.kernelRows,
            kernelCols: shape.kernelCols,
            stride: shape.stride,
            rows: layout.outputRows,
            cols: layout.outputCols,
          })}
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        {prefersReducedMotion ? null : (
          <button
            type="button"
            onClick={() => setIsPlaying((playing) => !playing)}
            aria-pressed={isPlaying}
            className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900"
          >
            {isPlaying ? t.vizPause : t.vizAnimate}
          </button>
        )}
        <button
          type="button"
          onClick={stepOnce}
          className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100"
        >
          {t.vizStep}
        </button>
        {prefersReducedMotion ? <p className="text-sm text-slate-700">{t.vizReducedMotion}</p> : null}
      </div>
      <p className="text-sm text-slate-700">{t.vizHowTo}</p>

      <div className="flex flex-wrap items-start gap-8">
        <figure className="flex flex-col gap-2">
          <figcaption className="text-sm font-medium text-slate-900">
            {format(t.vizPaddedInput, { rows: layout.paddedRows, cols: layout.paddedCols })}
          </figcaption>
          <div
            role="img"
            aria-label={`${format(t.vizPaddedInput, { rows: layout.paddedRows, cols: layout.paddedCols })}: ${windowText(shownCell)}`}
            className="relative w-max"
          >
            <div className="grid" style={gridStyle(layout.paddedRows, layout.paddedCols)}>
              {Array.from({ length: layout.paddedRows * layout.paddedCols }, (_, flat) => {
                const cell = { row: Math.floor(flat / layout.paddedCols), col: flat % layout.paddedCols };
                const isPadding = isPaddingCell(cell, shape);
                const isUnread = unreadRows.has(cell.row) || unreadCols.has(cell.col);
                const background = isInWindow(cell, inputWindow) ? "bg-blue-100" : isPadding ? "bg-slate-100" : "bg-white";
                return (
                  <div
                    key={flat}
                    className={`flex items-center justify-center rounded-sm border font-mono text-xs ${background} ${
                      isPadding ? "border-dashed border-slate-400 text-slate-600" : "border-slate-400 text-slate-900"
                    } ${isUnread ? "opacity-40" : ""}`}
                    style={
                      isPadding
                        ? { backgroundImage: "repeating-linear-gradient(45deg, rgb(100 116 139 / 0.25) 0 2px, transparent 2px 6px)" }
                        : undefined
                    }
                  >
                    {isPadding ? "0" : ""}
                  </div>
                );
              })}
            </div>
            <div
              aria-hidden="true"
              className="pointer-events-none absolute top-0 left-0 rounded border-[3px] border-blue-700 motion-safe:transition-[transform,width,height] motion-safe:duration-300"
              style={{
                transform: `translate(${inputWindow.cols[0] * STEP_PX - 3}px, ${inputWindow.rows[0] * STEP_PX - 3}px)`,
                width: shape.kernelCols * STEP_PX - GAP_PX + 6,
                height: shape.kernelRows * STEP_PX - GAP_PX + 6,
              }}
            />
          </div>
        </figure>

        <figure className="flex flex-col gap-2">
          <figcaption className="text-sm font-medium text-slate-900">
            {format(t.vizKernel, { rows: shape.kernelRows, cols: shape.kernelCols })}
          </figcaption>
          <div className="grid w-max" style={gridStyle(shape.kernelRows, shape.kernelCols)} aria-hidden="true">
            {Array.from({ length: shape.kernelRows * shape.kernelCols }, (_, flat) => (
              <div key={flat} className="rounded-sm border border-blue-700 bg-blue-100" />
            ))}
          </div>
        </figure>

        <figure className="flex flex-col gap-2">
          <figcaption id={outputCaptionId} className="text-sm font-medium text-slate-900">
            {format(t.vizOutput, { rows: layout.outputRows, cols: layout.outputCols })}
          </figcaption>
          <div
            role="grid"
            aria-labelledby={outputCaptionId}
            className="flex w-max flex-col"
            style={{ gap: `${GAP_PX}px` }}
            onKeyDown={moveFocus}
            onMouseLeave={() => setHoveredCell(null)}
          >
            {Array.from({ length: outputRows }, (_, row) => (
              <div key={row} role="row" className="flex" style={{ gap: `${GAP_PX}px` }}>
                {Array.from({ length: outputCols }, (_, col) => {
                  const cell = { row, col };
                  const isShown = shownCell.row === row && shownCell.col === col;
                  const isFocusTarget = focusCell.row === row && focusCell.col === col;
                  return (
                    <div
                      key={col}
                      ref={(element) => {
                        if (element) outputCellRefs.current.set(cellKey(cell), element);
                        else outputCellRefs.current.delete(cellKey(cell));
                      }}
                      role="gridcell"
                      tabIndex={isFocusTarget ? 0 : -1}
                      aria-selected={isShown}
                      aria-label={windowText(cell)}
                      onFocus={() => setActiveCell(cell)}
                      onClick={() => setActiveCell(cell)}
                      onMouseEnter={() => setHoveredCell(cell)}
                      className={`cursor-pointer rounded-sm border ${isShown ? "border-blue-900 bg-blue-700" : "border-slate-400 bg-white hover:bg-blue-50"}`}
                      style={{ width: CELL_PX, height: CELL_PX }}
                    />
                  );
                })}
              </div>
            ))}
          </div>
        </figure>
      </div>

      <div className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-800">
        <p className="font-mono text-base text-slate-900">
          {format(t.vizFormula, { row: shownCell.row, col: shownCell.col, rows: formatSlice(inputWindow.rows), cols: formatSlice(inputWindow.cols) })}
        </p>
        <p className="font-mono">
          {format(t.vizRowsDerivation, { row: shownCell.row, stride: shape.stride, start: inputWindow.rows[0], kernelRows: shape.kernelRows, end: inputWindow.rows[1] })}
        </p>
        <p className="font-mono">
          {format(t.vizColsDerivation, { col: shownCell.col, stride: shape.stride, start: inputWindow.cols[0], kernelCols: shape.kernelCols, end: inputWindow.cols[1] })}
        </p>
      </div>
      {shape.padding > 0 ? <p className="text-sm text-slate-700">{t.vizPaddingKey}</p> : null}
      {hasUnread ? <p className="text-sm text-slate-700">{t.vizUnread}</p> : null}
    </div>
  );
}
