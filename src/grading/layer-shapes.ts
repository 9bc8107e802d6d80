// A case whose output is a table of layer shapes: one row per shape-changing layer of a network,
// [layer kind, ...output shape], shapes with fewer axes padded with trailing zeros so the rows
// line up in one array (build-cnn's driver.py writes it). The grader compares it as an array like
// any output; the feedback shows it as a table of layer names and shapes, expected beside the
// student's, with the first row that differs.
import type { TReturned } from "@runner";
import type { NdArray } from "./ndarray";
import { message, type TMessage } from "./result-format";
import type { TLayerShapes } from "./result-schema";

/** The kind codes of the table's first column. */
export const LAYER_KIND = { conv: 1, pool: 2, flatten: 3, linear: 4 } as const;

const LAYER_NAMES: Record<number, TMessage> = {
  [LAYER_KIND.conv]: message("layerConv"),
  [LAYER_KIND.pool]: message("layerPool"),
  [LAYER_KIND.flatten]: message("layerFlatten"),
  [LAYER_KIND.linear]: message("layerLinear"),
};

type TLayerRow = NonNullable<TLayerShapes["rows"][number]["expected"]>;

function readRows(table: { shape: readonly number[]; data: ArrayLike<number> }): TLayerRow[] | null {
  // an empty list (no layer ran) comes back as an array with no element
  if (table.data.length === 0) return [];
  if (table.shape.length !== 2) return null;
  const [rows, columns] = table.shape;
  return Array.from({ length: rows }, (_, r) => {
    const row = Array.from(table.data).slice(r * columns, (r + 1) * columns);
    const shape = row.slice(1);
    while (shape.length > 0 && shape[shape.length - 1] === 0) shape.pop();
    return { layer: LAYER_NAMES[row[0]] ?? message("layerUnknown", { code: row[0] }), shape };
  });
}

const isSameRow = (a: TLayerRow | null, b: TLayerRow | null) =>
  a !== null && b !== null && a.layer.code === b.layer.code && a.shape.join() === b.shape.join();

/** The expected table beside the student's; `returned` is null when the case did not return. */
export function compareLayerShapes(expected: NdArray, returned: TReturned | null): TLayerShapes {
  const expectedRows = readRows(expected)!;
  // no table (the case raised, or returned something else) reads as a table with no row
  const actualRows = (returned?.kind === "array" ? readRows(returned) : null) ?? [];
  const count = Math.max(expectedRows.length, actualRows.length);
  const rows = Array.from({ length: count }, (_, r) => ({ expected: expectedRows[r] ?? null, actual: actualRows[r] ?? null }));
  const firstDifferent = rows.findIndex((row) => !isSameRow(row.expected, row.actual));
  return { rows, firstDifferent: firstDifferent === -1 ? null : firstDifferent };
}
