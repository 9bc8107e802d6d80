"use client";
// A captioned bar chart with its text alternatives: a one-sentence summary for screen readers,
// and the same numbers as a table one click away for everyone.
//
// Labels never overlap at any width: charts whose labels are words (exercise titles, time spans,
// mistakes) draw bars left to right with one label per row, wrapped to the label column's width
// (measured from the figure, so a phone gets a narrower column and more lines); only short labels
// such as attempt counts sit side by side under upright bars.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Text, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/layout/locale-provider";
import { instructorMessages } from "@/i18n/instructor";

export interface TBar {
  label: string;
  /** a longer text than the label, shown on hover and focus (a mistake's full sentence) */
  detail?: string;
  value: number;
}

const ROW_HEIGHT = 48;
const LABEL_FONT_SIZE = 12;
const LABEL_LINES = 3;

/** The label column's width: a share of the figure, within bounds that keep the bars readable. */
function labelColumnWidth(figureWidth: number): number {
  return Math.round(Math.min(240, Math.max(100, figureWidth * 0.4)));
}

/** The figure's content width, followed as the window resizes. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** A category label wrapped into at most LABEL_LINES lines of the label column. */
function RowLabel({ x, y, payload, width }: { x?: number | string; y?: number | string; payload?: { value: string }; width: number }) {
  const label = payload?.value ?? "";
  return (
    <Text
      x={Number(x)}
      y={Number(y)}
      width={width}
      maxLines={LABEL_LINES}
      // Chinese has no spaces to break at: break between characters instead.
      breakAll={!/\s/.test(label)}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={LABEL_FONT_SIZE}
      fill="#334155"
      className="chart-label"
    >
      {label}
    </Text>
  );
}

export function BarChartFigure({
  caption,
  summary,
  bars,
  valueName,
  formatValue = String,
  maxValue,
  isHorizontal = false,
  isTableOpen = false,
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
  /** bars grow left to right with labels in rows: for labels that are words */
  isHorizontal?: boolean;
  /** the table starts open, where it carries more than the chart (full sentences, links) */
  isTableOpen?: boolean;
  table: ReactNode;
  testId?: string;
}) {
  const t = instructorMessages(useLocale());
  const [figureRef, figureWidth] = useWidth<HTMLElement>();
  const labelWidth = labelColumnWidth(figureWidth);
  const height = isHorizontal ? bars.length * ROW_HEIGHT + 40 : 240;
  const domain: [number, number | "auto"] = [0, maxValue ?? "auto"];
  return (
    <figure ref={figureRef} className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="font-semibold text-slate-900">{caption}</figcaption>
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={bars}
        layout={isHorizontal ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        {isHorizontal ? (
          <>
            <XAxis type="number" domain={domain} allowDecimals={false} tickFormatter={formatValue} stroke="#334155" />
            <YAxis
              type="category"
              dataKey="label"
              width={labelWidth}
              interval={0}
              stroke="#334155"
              tick={(props: { x?: number | string; y?: number | string; payload?: { value: string } }) => <RowLabel {...props} width={labelWidth - 8} />}
            />
          </>
        ) : (
          <>
            <XAxis dataKey="label" stroke="#334155" tick={{ fontSize: LABEL_FONT_SIZE, className: "chart-label" }} interval={0} />
            <YAxis domain={domain} allowDecimals={false} tickFormatter={formatValue} stroke="#334155" />
          </>
        )}
        <Tooltip
          formatter={(value) => [formatValue(Number(value)), valueName]}
          labelFormatter={(label, payload) => (payload[0]?.payload as TBar | undefined)?.detail ?? String(label)}
          // A mistake's full sentence wraps inside the tooltip instead of running past its box.
          wrapperStyle={{ maxWidth: 360 }}
          contentStyle={{ whiteSpace: "normal" }}
        />
        <Bar dataKey="value" name={valueName} fill="#1e40af" maxBarSize={isHorizontal ? 28 : 56} isAnimationActive={false} />
      </BarChart>
      <p className="sr-only">{summary}</p>
      <details className="text-sm" open={isTableOpen}>
        <summary className="cursor-pointer text-blue-800 underline">{t.showTable}</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}
