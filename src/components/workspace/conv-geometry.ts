// Geometry of a zero-padded, strided 2-D cross-correlation, for the visualizer: output sizes,
// the padded-input window behind each output cell, and which padded cells no window ever reads.

/** A half-open index range [start, end), like a numpy slice start:end. */
export type TRange = readonly [start: number, end: number];

export interface TWindow {
  rows: TRange;
  cols: TRange;
}

export interface TCell {
  row: number;
  col: number;
}

export interface TConvShape {
  inputRows: number;
  inputCols: number;
  kernelRows: number;
  kernelCols: number;
  /** zeros added on every side */
  padding: number;
  stride: number;
}

export type TConvLayout =
  | { isValid: true; paddedRows: number; paddedCols: number; outputRows: number; outputCols: number }
  | { isValid: false; paddedRows: number; paddedCols: number; tooLarge: { rows: boolean; cols: boolean } };

/** floor((size + 2·padding − kernel) / stride) + 1, or null when the kernel does not fit in the padded size. */
export function countOutputSize(size: number, kernel: number, padding: number, stride: number): number | null {
  const room = size + 2 * padding - kernel;
  return room < 0 ? null : Math.floor(room / stride) + 1;
}

export function computeConvLayout(shape: TConvShape): TConvLayout {
  const paddedRows = shape.inputRows + 2 * shape.padding;
  const paddedCols = shape.inputCols + 2 * shape.padding;
  const outputRows = countOutputSize(shape.inputRows, shape.kernelRows, shape.padding, shape.stride);
  const outputCols = countOutputSize(shape.inputCols, shape.kernelCols, shape.padding, shape.stride);
  if (outputRows === null || outputCols === null) {
    return { isValid: false, paddedRows, paddedCols, tooLarge: { rows: outputRows === null, cols: outputCols === null } };
  }
  return { isValid: true, paddedRows, paddedCols, outputRows, outputCols };
}

/** The padded-input cells that output cell (row, col) reads, in padded coordinates. */
export function findInputWindow(cell: TCell, shape: TConvShape): TWindow {
  const top = cell.row * shape.stride;
  const left = cell.col * shape.stride;
  return { rows: [top, top + shape.kernelRows], cols: [left, left + shape.kernelCols] };
}

export function isPaddingCell(cell: TCell, shape: TConvShape): boolean {
  const { padding } = shape;
  return (
    cell.row < padding ||
    cell.col < padding ||
    cell.row >= padding + shape.inputRows ||
    cell.col >= padding + shape.inputCols
  );
}

/**
 * Whether some window reads padded index `index` along one axis. Windows start at 0, s, 2s, …;
 * a stride that does not divide (size + 2p − k), or one larger than the kernel, leaves cells unread.
 */
export function isReadByAnyWindow(index: number, size: number, kernel: number, padding: number, stride: number): boolean {
  const outputs = countOutputSize(size, kernel, padding, stride);
  if (outputs === null || index < 0) return false;
  const lastStartBefore = Math.min(outputs - 1, Math.floor(index / stride));
  return index - lastStartBefore * stride < kernel;
}

/** Padded indices along one axis that no window reads. */
export function listUnreadIndices(size: number, kernel: number, padding: number, stride: number): number[] {
  const paddedSize = size + 2 * padding;
  const unread: number[] = [];
  for (let index = 0; index < paddedSize; index++) {
    if (!isReadByAnyWindow(index, size, kernel, padding, stride)) unread.push(index);
  }
  return unread;
}

/** numpy slice text for a range: [2, 5) → "2:5". */
export function formatSlice([start, end]: TRange): string {
  return `${start}:${end}`;
}

export function isInWindow(cell: TCell, window: TWindow): boolean {
  return (
    cell.row >= window.rows[0] && cell.row < window.rows[1] && cell.col >= window.cols[0] && cell.col < window.cols[1]
  );
}

/** Keeps a remembered output cell inside an output that the student just made smaller. */
export function clampCell(cell: TCell, size: { rows: number; cols: number }): TCell {
  return { row: Math.max(0, Math.min(cell.row, size.rows - 1)), col: Math.max(0, Math.min(cell.col, size.cols - 1)) };
}

/**
 * The output cell a grid key moves to, following the ARIA grid pattern: arrows move one cell,
 * Home/End go to the row's ends, Ctrl+Home/End to the first and last cell. Null for other keys.
 */
export function moveGridFocus(
  cell: TCell,
  key: string,
  size: { rows: number; cols: number },
  isCtrlPressed = false,
): TCell | null {
  switch (key) {
    case "ArrowUp":
      return clampCell({ row: cell.row - 1, col: cell.col }, size);
    case "ArrowDown":
      return clampCell({ row: cell.row + 1, col: cell.col }, size);
    case "ArrowLeft":
      return clampCell({ row: cell.row, col: cell.col - 1 }, size);
    case "ArrowRight":
      return clampCell({ row: cell.row, col: cell.col + 1 }, size);
    case "Home":
      return isCtrlPressed ? { row: 0, col: 0 } : { row: cell.row, col: 0 };
    case "End":
      return isCtrlPressed ? { row: size.rows - 1, col: size.cols - 1 } : { row: cell.row, col: size.cols - 1 };
    default:
      return null;
  }
}

/** The next output cell in the order the kernel slides: along a row, then down; wraps to the start. */
export function findNextSlidePosition(cell: TCell, size: { rows: number; cols: number }): TCell {
  const flat = (cell.row * size.cols + cell.col + 1) % (size.rows * size.cols);
  return { row: Math.floor(flat / size.cols), col: flat % size.cols };
}
