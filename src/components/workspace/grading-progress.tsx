"use client";
// What the student sees while their code waits for or runs in the grader; announced politely.
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { workspaceMessages } from "@/i18n/workspace";

export function GradingProgress({ phase, queuePosition = null }: { phase: "queued" | "running"; queuePosition?: number | null }) {
  const t = workspaceMessages(useLocale());
  const text =
    phase === "running"
      ? t.progressRunning
      : queuePosition === null
        ? t.progressQueued
        : format(t.progressQueuedPosition, { position: queuePosition });
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="grading-progress"
      data-phase={phase}
      className="flex items-center gap-3 rounded-md border border-blue-200 bg-blue-50 p-4 text-blue-950"
    >
      <span aria-hidden="true" className="size-5 shrink-0 rounded-full border-2 border-blue-300 border-t-blue-800 motion-safe:animate-spin" />
      <p>{text}</p>
    </div>
  );
}
