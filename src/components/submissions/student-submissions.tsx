"use client";
// One student's submissions to one exercise as the staff see them: the same history as the
// student's page (code and diffs between attempts) and the full grading result of the chosen
// submission; the list and the "Result of" choice select the same submission.
import { useId, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { ResultsPanel } from "@/components/workspace/results-panel";
import { numberSubmissions, SubmissionHistory } from "@/components/workspace/submission-history";
import { LocalTime } from "@/components/workspace/local-time";
import { formatScore } from "@/components/workspace/results-view";
import { format } from "@/i18n";
import { instructorMessages } from "@/i18n/instructor";
import { workspaceMessages } from "@/i18n/workspace";
import type { TStaffSubmission } from "@/server/submissions/list-student-exercise-submissions";

/** `initialId` preselects a submission (a link from the analytics' mistake drill-down); an unknown id falls back to the latest. */
export function StudentSubmissions({ submissions, initialId = null }: { submissions: TStaffSubmission[]; initialId?: string | null }) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const tw = workspaceMessages(locale);
  const id = useId();
  const [selectedId, setSelectedId] = useState(initialId ?? submissions[0]?.id ?? null);
  if (submissions.length === 0) return <p className="text-slate-700">{t.noSubmissions}</p>;

  const chronological = numberSubmissions(submissions);
  const selected = submissions.find((s) => s.id === selectedId) ?? submissions[0]!;
  const statusLabel: Record<string, string> = {
    queued: tw.statusQueued,
    running: tw.statusRunning,
    passed: tw.statusPassed,
    failed: tw.statusFailed,
    error: tw.statusError,
    timeout: tw.statusTimeout,
    not_gradable: tw.statusNotGradable,
  };
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${id}-history`} className="flex flex-col gap-2">
        <h2 id={`${id}-history`} className="text-lg font-semibold">
          {tw.historyStaff}
        </h2>
        <SubmissionHistory submissions={submissions} selectedId={selected.id} onSelect={setSelectedId} labelledBy={`${id}-history`} />
      </section>
      <section aria-labelledby={`${id}-result`} className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label id={`${id}-result`} htmlFor={`${id}-select`} className="font-semibold">
              {t.resultOf}
            </label>
            <select
              id={`${id}-select`}
              value={selected.id}
              onChange={(event) => setSelectedId(event.target.value)}
              className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
            >
              {submissions.map((s) => (
                <option key={s.id} value={s.id}>
                  {format(t.submissionOption, { n: chronological.indexOf(s) + 1, status: statusLabel[s.status] ?? s.status })}
                </option>
              ))}
            </select>
          </div>
          {selected.latePenalty > 0 && selected.score !== null && selected.maxScore !== null ? (
            <p className="text-sm text-amber-900">
              {format(t.penaltyApplied, { penalty: Math.round(selected.latePenalty * 100), score: formatScore(selected.score), max: formatScore(selected.maxScore) })}
            </p>
          ) : null}
          {selected.regradedAt ? (
            <p className="text-sm text-slate-700">
              {t.regradedOn} <LocalTime iso={selected.regradedAt} />
            </p>
          ) : null}
        </div>
        {selected.result ? <ResultsPanel result={selected.result} caseSource={{ kind: "submission", submissionId: selected.id }} /> : <p className="text-slate-700">{t.noResult}</p>}
      </section>
    </div>
  );
}
