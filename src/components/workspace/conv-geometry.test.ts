import { describe, expect, it } from "vitest";
import {
  clampCell,
  computeConvLayout,
  countOutputSize,
  findInputWindow,
  findNextSlidePosition,
  isPaddingCell,
  isReadByAnyWindow,
  listUnreadIndices,
  moveGridFocus,
  type TConvShape,
} from "./conv-geometry";

/** Brute force: slide the window start by `stride` while it still fits. */
function slideStarts(size: number, kernel: number, padding: number, stride: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start + kernel <= size + 2 * padding; start += stride) starts.push(start);
  return starts;
}

describe("countOutputSize", () => {
  it("matches floor((n + 2p − k) / s) + 1 and a brute-force slide for every small combination", () => {
    for (let size = 1; size <= 9; size++)
      for (let kernel = 1; kernel <= 9; kernel++)
        for (let padding = 0; padding <= 3; padding++)
          for (let stride = 1; stride <= 3; stride++) {
            const starts = slideStarts(size, kernel, padding, stride);
            expect(countOutputSize(size, kernel, padding, stride)).toBe(starts.length === 0 ? null : starts.length);
          }
  });

  it("rounds down when the stride does not divide the room", () => {
    expect(countOutputSize(7, 3, 0, 3)).toBe(2);
    expect(countOutputSize(6, 3, 1, 2)).toBe(3);
  });
});

describe("computeConvLayout", () => {
  it("gives non-square outputs their own height and width", () => {
    const shape: TConvShape = { inputRows: 5, inputCols: 8, kernelRows: 3, kernelCols: 2, padding: 1, stride: 2 };
    expect(computeConvLayout(shape)).toEqual({ isValid: true, paddedRows: 7, paddedCols: 10, outputRows: 3, outputCols: 5 });
  });

  it("reports which axis is too small for the kernel", () => {
    const shape: TConvShape = { inputRows: 2, inputCols: 9, kernelRows: 5, kernelCols: 3, padding: 1, stride: 1 };
    expect(computeConvLayout(shape)).toEqual({
      isValid: false,
      paddedRows: 4,
      paddedCols: 11,
      tooLarge: { rows: true, cols: false },
    });
  });
});

describe("findInputWindow", () => {
  it("starts each window at index · stride with the kernel's own height and width", () => {
    const shape: TConvShape = { inputRows: 6, inputCols: 7, kernelRows: 2, kernelCols: 3, padding: 1, stride: 3 };
    expect(findInputWindow({ row: 1, col: 2 }, shape)).toEqual({ rows: [3, 5], cols: [6, 9] });
  });

  it("keeps the last window inside the padded input for every combination", () => {
    for (let size = 1; size <= 9; size++)
      for (let kernel = 1; kernel <= size + 6; kernel++)
        for (let padding = 0; padding <= 3; padding++)
          for (let stride = 1; stride <= 3; stride++) {
            const shape: TConvShape = { inputRows: size, inputCols: 4, kernelRows: kernel, kernelCols: 1, padding, stride };
            const layout = computeConvLayout(shape);
            if (!layout.isValid) continue;
            const last = findInputWindow({ row: layout.outputRows - 1, col: 0 }, shape);
            expect(last.rows[1]).toBeLessThanOrEqual(layout.paddedRows);
            expect(last.rows[1] + stride).toBeGreaterThan(layout.paddedRows);
          }
  });
});

describe("isPaddingCell", () => {
  const shape: TConvShape = { inputRows: 2, inputCols: 3, kernelRows: 1, kernelCols: 1, padding: 2, stride: 1 };
  it("marks the bands around the image and nothing inside it", () => {
    expect(isPaddingCell({ row: 1, col: 3 }, shape)).toBe(true);
    expect(isPaddingCell({ row: 2, col: 2 }, shape)).toBe(false);
    expect(isPaddingCell({ row: 3, col: 4 }, shape)).toBe(false);
    expect(isPaddingCell({ row: 4, col: 4 }, shape)).toBe(true);
    expect(isPaddingCell({ row: 3, col: 5 }, shape)).toBe(true);
  });
});

describe("listUnreadIndices", () => {
  it("lists the trailing cells a stride that does not divide evenly never reaches", () => {
    // padded size 8, kernel 3, stride 2: windows start at 0, 2, 4 and end at 7, so index 7 is never read.
    expect(listUnreadIndices(6, 3, 1, 2)).toEqual([7]);
  });

  it("lists the gaps a stride larger than the kernel skips", () => {
    expect(listUnreadIndices(7, 1, 0, 3)).toEqual([1, 2, 4, 5]);
  });

  it("agrees with a brute-force slide", () => {
    for (let size = 1; size <= 9; size++)
      for (let kernel = 1; kernel <= 5; kernel++)
        for (let padding = 0; padding <= 3; padding++)
          for (let stride = 1; stride <= 3; stride++) {
            const read = new Set<number>();
            for (const start of slideStarts(size, kernel, padding, stride))
              for (let offset = 0; offset < kernel; offset++) read.add(start + offset);
            for (let index = 0; index < size + 2 * padding; index++) {
              expect(isReadByAnyWindow(index, size, kernel, padding, stride)).toBe(read.has(index));
            }
          }
  });
});

describe("moveGridFocus", () => {
  const size = { rows: 2, cols: 3 };
  it("moves one cell per arrow and stops at the edges", () => {
    expect(moveGridFocus({ row: 0, col: 0 }, "ArrowRight", size)).toEqual({ row: 0, col: 1 });
    expect(moveGridFocus({ row: 0, col: 0 }, "ArrowUp", size)).toEqual({ row: 0, col: 0 });
    expect(moveGridFocus({ row: 1, col: 2 }, "ArrowDown", size)).toEqual({ row: 1, col: 2 });
    expect(moveGridFocus({ row: 1, col: 2 }, "ArrowLeft", size)).toEqual({ row: 1, col: 1 });
  });

  it("jumps to row ends with Home/End and to the corners with Ctrl", () => {
    expect(moveGridFocus({ row: 1, col: 1 }, "Home", size)).toEqual({ row: 1, col: 0 });
    expect(moveGridFocus({ row: 0, col: 1 }, "End", size, true)).toEqual({ row: 1, col: 2 });
    expect(moveGridFocus({ row: 0, col: 1 }, "Enter", size)).toBeNull();
  });
});

describe("clampCell", () => {
  it("pulls a cell back inside a smaller output", () => {
    expect(clampCell({ row: 4, col: 1 }, { rows: 3, cols: 5 })).toEqual({ row: 2, col: 1 });
  });
});

describe("findNextSlidePosition", () => {
  it("moves along the row, then to the next row, then wraps", () => {
    const size = { rows: 2, cols: 2 };
    expect(findNextSlidePosition({ row: 0, col: 1 }, size)).toEqual({ row: 1, col: 0 });
    expect(findNextSlidePosition({ row: 1, col: 1 }, size)).toEqual({ row: 0, col: 0 });
  });
});
