"use client";
// A layer-shape table case (src/grading/layer-shapes.ts) as a table: each shape-changing layer,
// the shape expected after it and the student's, with the first row that differs marked in words
// as well as colour.
import { formatShape, renderMessage } from "@/grading/result-format";
import type { TLayerShapes } from "@/grading/result-schema";
import { format, type TLocale } from "@/i18n";
import type { workspaceMessages } from "@/i18n/workspace";

type TMessages = ReturnType<typeof workspaceMessages>;
type TSide = TLayerShapes["rows"][number]["expected"];

export function LayerShapesTable({ caseTitle, table, t, locale }: { caseTitle: string; table: TLayerShapes; t: TMessages; locale: TLocale }) {
  const layerName = (side: TSide) => (side ? renderMessage(side.layer, locale) : "—");
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white" tabIndex={0} data-testid="layer-shapes">
      <table className="w-full text-sm">
        <caption className="px-3 py-2 text-left font-semibold text-slate-900">{format(t.layerShapesCaption, { name: caseTitle })}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {[t.layerColumnIndex, t.layerColumnLayer, t.layerColumnExpected, t.layerColumnActual].map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(({ expected, actual }, index) => {
            const isFirstDifferent = index === table.firstDifferent;
            // the student's layer is named only where it is not the expected one
            const isOtherLayer = actual !== null && expected !== null && actual.layer.code !== expected.layer.code;
            return (
              <tr
                key={index}
                data-testid={isFirstDifferent ? "layer-first-different" : undefined}
                className={`border-t border-slate-200 ${isFirstDifferent ? "bg-amber-100 text-amber-950" : ""}`}
              >
                <th scope="row" className="px-3 py-2 text-left font-medium tabular-nums">{index + 1}</th>
                <td className="px-3 py-2">{layerName(expected)}</td>
                <td className="px-3 py-2 font-mono whitespace-nowrap">{expected ? formatShape(expected.shape) : "—"}</td>
                <td className="px-3 py-2 font-mono whitespace-nowrap">
                  {actual ? `${isOtherLayer ? `${layerName(actual)} ` : ""}${formatShape(actual.shape)}` : t.layerMissing}
                  {isFirstDifferent ? <span className="ml-2 font-sans font-semibold">{t.layerFirstDifferent}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="px-3 py-2 text-sm text-slate-700">
        {table.firstDifferent === null ? t.layerShapesMatch : format(t.layerShapesDiffer, { row: table.firstDifferent + 1 })}
      </p>
    </div>
  );
}
