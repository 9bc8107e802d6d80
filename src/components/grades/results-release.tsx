"use client";
// Whether an assignment's results are published, for staff on its progress page, with the
// Publish / Unpublish button for those who may. Shown when a release setting waits for it.
import { useLocale } from "@/components/layout/locale-provider";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";
import { format } from "@/i18n";
import { formatDeadline } from "@/i18n/format-time";
import { instructorMessages } from "@/i18n/instructor";
import type { TProgressMatrix } from "@/server/grades/get-progress-matrix";

export function ResultsRelease(props: { courseId: string; assignmentId: string; timeZone: string; release: TProgressMatrix["release"]; action: TFormAction }) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const { state, onSubmit, isPending } = useFormAction(props.action);
  const { publishedAt, canPublish } = props.release;
  return (
    <section data-testid="results-release" className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3">
      <p className="text-sm text-slate-800">
        {publishedAt ? format(t.resultsPublished, { date: formatDeadline(publishedAt, props.timeZone, locale) }) : t.resultsNotPublished}
      </p>
      {canPublish ? (
        <form onSubmit={onSubmit} className="flex flex-col gap-2">
          <input type="hidden" name="courseId" value={props.courseId} />
          <input type="hidden" name="assignmentId" value={props.assignmentId} />
          <input type="hidden" name="isPublished" value={publishedAt ? "false" : "true"} />
          <div>
            <PendingButton isPending={isPending} pendingLabel={t.saving} variant={publishedAt ? "secondary" : "primary"}>
              {publishedAt ? t.unpublishResults : t.publishResults}
            </PendingButton>
          </div>
          <ActionResult state={state} />
        </form>
      ) : null}
    </section>
  );
}
