// Two answers next to each other, the lines matched in the other file highlighted and numbered
// by fragment, with links to both students' submission histories.
import Link from "next/link";
import { format } from "@/i18n";
import type { TLocale } from "@/i18n";
import { similarityMessages } from "@/i18n/similarity";
import type { TSimilarityFragments } from "@/server/similarity/similarity-schemas";

export interface TSideFile {
  name: string;
  course: string | null;
  code: string;
  historyHref: string | null;
}

/** Line index → the fragment numbers (1-based) covering it. */
function fragmentLines(fragments: TSimilarityFragments, side: "left" | "right"): Map<number, number[]> {
  const lines = new Map<number, number[]>();
  fragments.forEach((fragment, index) => {
    for (let line = fragment[side].startLine; line <= fragment[side].endLine; line += 1) lines.set(line, [...(lines.get(line) ?? []), index + 1]);
  });
  return lines;
}

function CodeColumn({ file, marks, locale, testId }: { file: TSideFile; marks: Map<number, number[]>; locale: TLocale; testId: string }) {
  const t = similarityMessages(locale);
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-2" data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {file.name}
          {file.course ? <span className="font-normal text-slate-700"> · {format(t.fromCourse, { course: file.course })}</span> : null}
        </h3>
        {file.historyHref ? (
          <Link href={file.historyHref} className="text-sm text-blue-800 underline">
            {t.history}
          </Link>
        ) : null}
      </div>
      {/* Focusable, so a keyboard can scroll long lines sideways. */}
      <pre tabIndex={0} aria-label={file.name} className="overflow-x-auto rounded-md border border-slate-300 bg-white py-2 text-xs leading-5">
        {file.code.split("\n").map((line, index) => {
          const fragments = marks.get(index);
          return (
            <div key={index} className={fragments ? "bg-amber-100" : undefined} data-matched={fragments ? "true" : undefined}>
              <span className="inline-block w-10 select-none pr-2 text-right text-slate-700">{index + 1}</span>
              <span className="inline-block w-8 select-none text-xs text-amber-900" title={fragments ? format(t.fragment, { number: fragments.join(", ") }) : undefined}>
                {fragments ? `#${fragments[0]}` : ""}
              </span>
              {line}
            </div>
          );
        })}
      </pre>
    </div>
  );
}

export function SimilaritySideBySide({
  left,
  right,
  similarity,
  fragments,
  locale,
}: {
  left: TSideFile;
  right: TSideFile;
  similarity: number;
  fragments: TSimilarityFragments;
  locale: TLocale;
}) {
  const t = similarityMessages(locale);
  return (
    <section id="side-by-side" aria-labelledby="side-by-side-heading" className="flex flex-col gap-3">
      <h2 id="side-by-side-heading" className="text-lg font-semibold">
        {format(t.sideBySide, { percent: Math.round(similarity * 100) })}
      </h2>
      <p className="text-sm text-slate-700">{t.matchedNote}</p>
      <div className="flex flex-col gap-4 lg:flex-row">
        <CodeColumn file={left} marks={fragmentLines(fragments, "left")} locale={locale} testId="similarity-left" />
        <CodeColumn file={right} marks={fragmentLines(fragments, "right")} locale={locale} testId="similarity-right" />
      </div>
    </section>
  );
}
