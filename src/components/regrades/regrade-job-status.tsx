"use client";
// Follows a regrade job: polls its progress while it runs, then shows the report of whose score
// changed and which submissions kept their grade.
import { useEffect, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { formatScore } from "@/components/workspace/results-view";
import { format } from "@/i18n";
import { instructorMessages } from "@/i18n/instructor";
import { workspaceMessages } from "@/i18n/workspace";
import type { TRegradeJobView } from "@/server/regrades/get-regrade-job";
import { describeRegradeStatus } from "./regrade-status-label";

const POLL_MS = 1500;
const TH = "border-b border-slate-300 p-2 text-left";
const TD = "border-b border-slate-100 p-2";

function isInProgress(status: string): boolean {
  return status === "queued" || status === "running";
}

export function RegradeJobStatus({ initial }: { initial: TRegradeJobView }) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const tw = workspaceMessages(locale);
  const [job, setJob] = useState(initial);
  const [hasPollError, setHasPollError] = useState(false);

  useEffect(() => {
    if (!isInProgress(job.status)) return;
    let isCancelled = false;
    // Runs until the status leaves queued/running, which re-runs this effect and stops it.
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/instructor/regrade-jobs/${encodeURIComponent(job.id)}`, { cache: "no-store" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const next = (await response.json()) as TRegradeJobView;
        if (isCancelled) return;
        setJob(next);
        setHasPollError(false);
      } catch {
        if (!isCancelled) setHasPollError(true);
      }
    }, POLL_MS);
    return () => {
      isCancelled = true;
      clearInterval(timer);
    };
  }, [job.id, job.status]);

  const statusLabel = (status: string) =>
    ({ passed: tw.statusPassed, failed: tw.statusFailed, error: tw.statusError, timeout: tw.statusTimeout })[status] ?? status;
  const scoreOf = (score: number | null) => (score === null ? "—" : formatScore(score));
  const { report } = job;
  return (
    <div className="flex flex-col gap-6" data-testid="regrade-job">
      <section className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <p className="font-semibold" role="status" data-testid="regrade-status">
          {describeRegradeStatus(job.status, t)} — {format(t.regradeProgress, { done: job.done, total: job.total })}
        </p>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t.progressLabel}</span>
          <progress max={Math.max(job.total, 1)} value={job.total === 0 && !isInProgress(job.status) ? 1 : job.done} className="h-3 w-full max-w-md" />
        </label>
        {hasPollError ? <p className="text-sm text-amber-900">{t.pollError}</p> : null}
        {report.error ? (
          <p role="alert" className="text-sm text-red-900">
            {report.error === "interrupted" ? t.jobInterrupted : t.jobServerError}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="regrade-report-heading" className="flex flex-col gap-3">
        <h2 id="regrade-report-heading" className="text-xl font-semibold">
          {t.regradeReport}
        </h2>
        <p data-testid="regrade-summary">
          {format(t.regradeSummary, { changed: report.changes.length, unchanged: report.unchanged, failed: report.failures.length })}
        </p>
        <h3 className="font-semibold">{t.scoreChanges}</h3>
        {report.changes.length === 0 ? (
          <p className="text-slate-700">{t.noScoreChanges}</p>
        ) : (
          <table className="w-full border-collapse bg-white text-sm" data-testid="regrade-changes">
            <thead>
              <tr>
                <th scope="col" className={TH}>{t.student}</th>
                <th scope="col" className={TH}>{t.attempt}</th>
                <th scope="col" className={TH}>{t.before}</th>
                <th scope="col" className={TH}>{t.after}</th>
              </tr>
            </thead>
            <tbody>
              {report.changes.map((change) => (
                <tr key={change.submissionId}>
                  <th scope="row" className={`${TD} text-left font-normal`}>
                    <span className="block font-medium">{change.name}</span>
                    <span className="block text-xs text-slate-600">{change.email}</span>
                  </th>
                  <td className={TD}>{change.attempt ?? "—"}</td>
                  <td className={`${TD} tabular-nums`}>
                    {scoreOf(change.oldScore)} ({statusLabel(change.oldStatus)})
                  </td>
                  <td className={`${TD} tabular-nums`}>
                    {scoreOf(change.newScore)} ({statusLabel(change.newStatus)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {report.failures.length > 0 ? (
          <>
            <h3 className="font-semibold">{t.failures}</h3>
            <table className="w-full border-collapse bg-white text-sm">
              <thead>
                <tr>
                  <th scope="col" className={TH}>{t.student}</th>
                  <th scope="col" className={TH}>{t.attempt}</th>
                  <th scope="col" className={TH}>{t.reason}</th>
                </tr>
              </thead>
              <tbody>
                {report.failures.map((failure) => (
                  <tr key={failure.submissionId}>
                    <th scope="row" className={`${TD} text-left font-medium`}>
                      {failure.name}
                    </th>
                    <td className={TD}>{failure.attempt ?? "—"}</td>
                    <td className={TD}>
                      {{ runner: t.failureRunner, changed: t.failureChanged, server: t.failureServer }[failure.reason]}
                      {failure.detail ? <span className="block font-mono text-xs text-slate-600">{failure.detail}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
    </div>
  );
}
