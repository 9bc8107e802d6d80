"use client";
// A report's progress: refreshes the page while the report waits or runs, and offers cancel.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";
import { format } from "@/i18n";
import { similarityMessages } from "@/i18n/similarity";

const POLL_MS = 2000;

export function SimilarityStatus({
  report,
  cancel,
}: {
  report: { id: string; courseId: string; assignmentId: string; status: "queued" | "running" | "done" | "failed" | "cancelled"; total: number; done: number };
  /** null when this user may not cancel */
  cancel: TFormAction | null;
}) {
  const t = similarityMessages(useLocale());
  const router = useRouter();
  const isOpen = report.status === "queued" || report.status === "running";
  useEffect(() => {
    if (!isOpen) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [isOpen, router]);
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="similarity-status">
      <p role="status" className="text-sm font-medium text-slate-900">
        {format(t[`status_${report.status}`], { done: report.done, total: report.total })}
      </p>
      {isOpen && cancel ? <CancelForm report={report} action={cancel} label={t.cancel} /> : null}
    </div>
  );
}

function CancelForm({ report, action, label }: { report: { id: string; courseId: string; assignmentId: string }; action: TFormAction; label: string }) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="courseId" value={report.courseId} />
      <input type="hidden" name="assignmentId" value={report.assignmentId} />
      <input type="hidden" name="reportId" value={report.id} />
      <PendingButton isPending={isPending} pendingLabel={label} variant="danger">
        {label}
      </PendingButton>
      <ActionResult state={state} />
    </form>
  );
}
