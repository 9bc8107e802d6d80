"use client";
// A student's earlier submissions, newest first; picking one shows its code or what changed
// since the submission before it, with +/− marks and words, not colour alone. The selection is the
// caller's, so the page can show the same submission's feedback (the student's results panel, the
// staff's "Result of" choice) and move it to a new submission as it arrives.
import { useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { workspaceMessages } from "@/i18n/workspace";
import type { TSubmissionSummary } from "@/server/submissions/list-submission-history";
import { LocalTime } from "./local-time";
import { formatScore } from "./results-view";
import { buildLineDiff, type TDiffLine } from "./submission-diff";

type TMessages = ReturnType<typeof workspaceMessages>;

function describeStatus(status: string, t: TMessages): string {
  const labels: Record<string, string> = {
    queued: t.statusQueued,
    running: t.statusRunning,
    passed: t.statusPassed,
    failed: t.statusFailed,
    error: t.statusError,
    timeout: t.statusTimeout,
    not_gradable: t.statusNotGradable,
    submitted: t.statusSubmitted,
  };
  return labels[status] ?? status;
}

function DiffLine({ line, t }: { line: TDiffLine; t: TMessages }) {
  const gutter = "inline-block w-10 shrink-0 pr-2 text-right text-slate-500 select-none";
  switch (line.kind) {
    case "folded":
      return (
        <div className="bg-slate-100 px-2 py-0.5 font-sans text-xs text-slate-600 italic">{format(t.linesFolded, { count: line.count })}</div>
      );
    case "added":
      return (
        <ins className="flex bg-green-50 text-green-950 no-underline">
          <span aria-hidden="true" className={gutter} />
          <span aria-hidden="true" className={gutter}>
            {line.newLine}
          </span>
          <span aria-hidden="true" className="w-5 shrink-0 font-bold">
            +
          </span>
          <span className="sr-only">{t.lineAdded} </span>
          <span className="whitespace-pre">{line.text}</span>
        </ins>
      );
    case "removed":
      return (
        <del className="flex bg-red-50 text-red-950 no-underline">
          <span aria-hidden="true" className={gutter}>
            {line.oldLine}
          </span>
          <span aria-hidden="true" className={gutter} />
          <span aria-hidden="true" className="w-5 shrink-0 font-bold">
            −
          </span>
          <span className="sr-only">{t.lineRemoved} </span>
          <span className="whitespace-pre">{line.text}</span>
        </del>
      );
    case "unchanged":
      return (
        <div className="flex text-slate-800">
          <span aria-hidden="true" className={gutter}>
            {line.oldLine}
          </span>
          <span aria-hidden="true" className={gutter}>
            {line.newLine}
          </span>
          <span aria-hidden="true" className="w-5 shrink-0" />
          <span className="whitespace-pre">{line.text}</span>
        </div>
      );
  }
}

function CodeWithLineNumbers({ code, label }: { code: string; label: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className="max-h-[28rem] overflow-auto rounded-md border border-slate-300 bg-white py-2 font-mono text-sm leading-6 text-slate-900">
      {code.split("\n").map((text, index) => (
        <div key={index} className="flex">
          <span aria-hidden="true" className="inline-block w-10 shrink-0 pr-3 text-right text-slate-500 select-none">
            {index + 1}
          </span>
          <span className="whitespace-pre">{text}</span>
        </div>
      ))}
    </pre>
  );
}

/** Numbered oldest first, so "Submission 3" keeps its number as new ones arrive. */
export function numberSubmissions<T extends { createdAt: string }>(submissions: readonly T[]): T[] {
  return [...submissions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function SubmissionHistory({
  submissions,
  selectedId,
  onSelect,
  labelledBy,
}: {
  submissions: readonly TSubmissionSummary[];
  /** the submission shown; the newest when null or not in the list */
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** id of the heading that names the list (the page's own: "Your submissions" or the staff's) */
  labelledBy: string;
}) {
  const t = workspaceMessages(useLocale());
  const chronological = numberSubmissions(submissions);
  const newestFirst = [...chronological].reverse();
  const [view, setView] = useState<"code" | "changes">("changes");

  if (chronological.length === 0) return <p className="text-slate-700">{t.historyEmpty}</p>;

  const selected = chronological.find((s) => s.id === selectedId) ?? chronological.at(-1)!;
  const selectedNumber = chronological.indexOf(selected) + 1;
  const previous = selectedNumber > 1 ? chronological[selectedNumber - 2] : null;
  const diff = previous ? buildLineDiff(previous.code, selected.code) : null;

  return (
    <div className="grid gap-4 md:grid-cols-[16rem_1fr]" data-testid="submission-history">
      <div>
        <ol aria-labelledby={labelledBy} className="flex flex-col gap-1">
          {newestFirst.map((submission) => {
            const number = chronological.indexOf(submission) + 1;
            const isSelected = submission.id === selected.id;
            return (
              <li key={submission.id}>
                <button
                  type="button"
                  aria-current={isSelected ? "true" : undefined}
                  onClick={() => onSelect(submission.id)}
                  className={`flex w-full flex-col items-start rounded-md border px-3 py-2 text-left text-sm ${
                    isSelected ? "border-blue-800 bg-blue-50" : "border-slate-200 bg-white hover:bg-slate-50"
                  }`}
                >
                  <span className="font-medium text-slate-900">{format(t.submissionNumber, { n: number })}</span>
                  <LocalTime iso={submission.createdAt} className="text-slate-700" />
                  <span className="flex flex-wrap gap-x-2 text-slate-800">
                    <span>{describeStatus(submission.status, t)}</span>
                    {submission.score !== null && submission.maxScore !== null ? (
                      <span className="tabular-nums">
                        {format(t.scoreShort, { score: formatScore(submission.score), maxScore: formatScore(submission.maxScore) })}
                      </span>
                    ) : null}
                    {submission.isLate ? <span className="font-medium text-amber-800">{t.late}</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>

      <section aria-label={format(t.submissionNumber, { n: selectedNumber })} className="flex min-w-0 flex-col gap-3">
        <div role="group" aria-label={t.viewLabel} className="flex flex-wrap gap-1 text-sm">
          {(["changes", "code"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={view === option}
              onClick={() => setView(option)}
              className={`rounded-md border px-3 py-1 ${view === option ? "border-blue-800 bg-blue-800 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100"}`}
            >
              {option === "code" ? t.viewCode : previous ? format(t.viewChanges, { n: selectedNumber - 1 }) : t.viewChangesFirst}
            </button>
          ))}
        </div>
        {view === "code" ? (
          <CodeWithLineNumbers code={selected.code} label={format(t.codeOf, { n: selectedNumber })} />
        ) : !diff ? (
          <p className="text-slate-700">{t.firstSubmission}</p>
        ) : diff.addedCount + diff.removedCount === 0 ? (
          <p className="text-slate-700">{format(t.noChanges, { n: selectedNumber - 1 })}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {format(t.diffSummary, { added: diff.addedCount, removed: diff.removedCount, n: selectedNumber - 1 })}
            </p>
            <div tabIndex={0} className="max-h-[28rem] overflow-auto rounded-md border border-slate-300 bg-white py-2 font-mono text-sm leading-6">
              {diff.lines.map((line, index) => (
                <DiffLine key={index} line={line} t={t} />
              ))}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
