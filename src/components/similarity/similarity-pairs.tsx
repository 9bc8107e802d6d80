"use client";
// The report's pairs, most similar first, filtered by a threshold slider; each opens the
// side-by-side view of the two answers.
import Link from "next/link";
import { useId, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { similarityMessages } from "@/i18n/similarity";

export interface TPairRow {
  id: string;
  similarity: number;
  longestFragment: number;
  left: { name: string; course: string | null };
  right: { name: string; course: string | null };
}

const percent = (value: number) => Math.round(value * 100);

export function SimilarityPairs({ pairs, floor, initialThreshold, baseHref }: { pairs: TPairRow[]; floor: number; initialThreshold: number; baseHref: string }) {
  const t = similarityMessages(useLocale());
  const [threshold, setThreshold] = useState(percent(initialThreshold));
  const id = useId();
  const shown = pairs.filter((pair) => percent(pair.similarity) >= threshold);
  const who = (person: TPairRow["left"]) => (person.course ? `${person.name} (${format(t.fromCourse, { course: person.course })})` : person.name);
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t.pairsHeading}
      </h2>
      <label htmlFor={`${id}-threshold`} className="text-sm font-medium text-slate-800">
        {format(t.threshold, { percent: threshold })}
      </label>
      <input
        id={`${id}-threshold`}
        type="range"
        min={percent(floor)}
        max={100}
        step={1}
        value={threshold}
        onChange={(event) => setThreshold(Number(event.target.value))}
        className="max-w-md"
        data-testid="similarity-threshold"
      />
      <p className="text-sm text-slate-700">{format(t.pairsShown, { shown: shown.length, total: pairs.length, floor: percent(floor) })}</p>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-700">{t.noPairs}</p>
      ) : (
        <table className="w-full max-w-4xl text-left text-sm" data-testid="similarity-pairs">
          <thead className="border-b border-slate-300 text-slate-700">
            <tr>
              <th className="py-2 pr-3 font-medium">{t.student}</th>
              <th className="py-2 pr-3 font-medium">{t.otherStudent}</th>
              <th className="py-2 pr-3 font-medium">{t.similarity}</th>
              <th className="py-2 pr-3 font-medium">{t.longest}</th>
              <th className="py-2 font-medium">
                <span className="sr-only">{t.compare}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((pair) => (
              <tr key={pair.id} className="border-b border-slate-200">
                <td className="py-2 pr-3">{who(pair.left)}</td>
                <td className="py-2 pr-3">{who(pair.right)}</td>
                <td className="py-2 pr-3 font-medium tabular-nums">{percent(pair.similarity)}%</td>
                <td className="py-2 pr-3 tabular-nums">{format(t.longestValue, { count: pair.longestFragment })}</td>
                <td className="py-2">
                  <Link href={`${baseHref}?pair=${pair.id}#side-by-side`} className="text-blue-800 underline">
                    {t.compare}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
