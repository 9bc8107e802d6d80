"use client";
// The course's join code, large enough to read out in a lecture hall, and a way to replace it.
import { useLocale } from "@/components/layout/locale-provider";
import { instructorMessages } from "@/i18n/instructor";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";

function RegenerateCodeForm({ courseId, action }: { courseId: string; action: TFormAction }) {
  const t = instructorMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action, { confirm: t.regenerateConfirm });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="courseId" value={courseId} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.saving} variant="secondary">
          {t.regenerateCode}
        </PendingButton>
      </div>
      <ActionResult state={state} />
    </form>
  );
}

export function JoinCodePanel({ courseId, code, regenerateAction }: { courseId: string; code: string; regenerateAction: TFormAction | null }) {
  const t = instructorMessages(useLocale());
  return (
    <section aria-labelledby="join-code-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="join-code-heading" className="text-lg font-semibold">
        {t.joinCode}
      </h2>
      <p className="font-mono text-3xl tracking-widest text-blue-950" data-testid="join-code">
        {code}
      </p>
      <p className="text-sm text-slate-700">{t.joinCodeHint}</p>
      {regenerateAction ? <RegenerateCodeForm courseId={courseId} action={regenerateAction} /> : null}
    </section>
  );
}
