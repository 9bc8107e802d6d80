"use client";
// A captioned bar chart with its text alternatives: a one-sentence summary for screen readers,
// and the same numbers as a table one click away for everyone.
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/layout/locale-provider";
import { instructorMessages } from "@/i18n/instructor";

export interface TBar {
  label: string;
  value: number;
}

export function BarChartFigure({
  caption,
  summary,
  bars,
  valueName,
  formatValue = String,
  maxValue,
  isHorizontal = false,
  table,
  testId,
}: {
  caption: string;
  summary: string;
  bars: TBar[];
  /** what a bar measures, shown in the tooltip */
  valueName: string;
  formatValue?: (value: number) => string;
  /** fixes the value axis, e.g. 100 for percentages */
  maxValue?: number;
  /** bars grow left to right, for long labels such as mistakes */
  isHorizontal?: boolean;
  table: ReactNode;
  testId?: string;
}) {
  const t = instructorMessages(useLocale());
  const height = isHorizontal ? Math.max(140, bars.length * 44 + 40) : 240;
  const domain: [number, number | "auto"] = [0, maxValue ?? "auto"];
  return (
    <figure className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="font-semibold text-slate-900">{caption}</figcaption>
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={bars}
        layout={isHorizontal ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 16, bottom: 8, left: isHorizontal ? 8 : 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        {isHorizontal ? (
          <>
            <XAxis type="number" domain={domain} allowDecimals={false} tickFormatter={formatValue} stroke="#334155" />
            <YAxis type="category" dataKey="label" width={260} stroke="#334155" tick={{ fontSize: 11 }} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" stroke="#334155" tick={{ fontSize: 12 }} interval={0} />
            <YAxis domain={domain} allowDecimals={false} tickFormatter={formatValue} stroke="#334155" />
          </>
        )}
        <Tooltip formatter={(value) => [formatValue(Number(value)), valueName]} />
        <Bar dataKey="value" name={valueName} fill="#1e40af" maxBarSize={56} isAnimationActive={false} />
      </BarChart>
      <p className="sr-only">{summary}</p>
      <details className="text-sm">
        <summary className="cursor-pointer text-blue-800 underline">{t.showTable}</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}
