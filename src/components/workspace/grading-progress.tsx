"use client";
// What the student sees while their code waits for or runs in the grader. Rendered inside the
// page's progress live region (which exists before this mounts), so it is announced politely.
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { workspaceMessages } from "@/i18n/workspace";
import { SlowGradingNotice } from "./slow-grading-notice";

export function GradingProgress({
  phase,
  queuePosition = null,
  estimateSeconds = null,
  isTakingLonger = false,
}: {
  phase: "queued" | "running";
  queuePosition?: number | null;
  /** expected wait for a grader, from the recent grading rate; shown rounded, never as a promise */
  estimateSeconds?: number | null;
  /** running past the exercise's short budget (see getSubmissionView) */
  isTakingLonger?: boolean;
}) {
  const t = workspaceMessages(useLocale());
  const wait =
    estimateSeconds === null
      ? null
      : estimateSeconds < 60
        ? format(t.waitSeconds, { seconds: Math.max(5, Math.ceil(estimateSeconds / 5) * 5) })
        : format(t.waitMinutes, { minutes: Math.ceil(estimateSeconds / 60) });
  const text =
    phase === "running"
      ? t.progressRunning
      : queuePosition === null
        ? t.progressQueued
        : wait === null
          ? format(t.progressQueuedPosition, { position: queuePosition })
          : format(t.progressQueuedEstimate, { position: queuePosition, wait });
  return (
    <div
      data-testid="grading-progress"
      data-phase={phase}
      className="flex items-center gap-3 rounded-md border border-blue-200 bg-blue-50 p-4 text-blue-950"
    >
      <span aria-hidden="true" className="size-5 shrink-0 rounded-full border-2 border-blue-300 border-t-blue-800 motion-safe:animate-spin" />
      <div>
        <p>{text}</p>
        {phase === "running" && isTakingLonger ? <SlowGradingNotice /> : null}
      </div>
    </div>
  );
}
