"use client";
// The instructor's "Sync roster now" (NRPS): a button that shows progress while the LMS answers,
// then what changed, or what the LMS said when it refused.
import { useLocale } from "@/components/layout/locale-provider";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";
import { ltiMessages } from "@/i18n/lti";

export function RosterSyncForm({ courseId, action }: { courseId: string; action: TFormAction }) {
  const t = ltiMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-start gap-2" aria-label={t.rosterTitle}>
      <input type="hidden" name="courseId" value={courseId} />
      <PendingButton isPending={isPending} pendingLabel={t.rosterSyncing} variant="secondary">
        {t.rosterSyncNow}
      </PendingButton>
      <ActionResult state={state} />
    </form>
  );
}
