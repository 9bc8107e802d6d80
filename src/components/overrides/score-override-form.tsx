"use client";
// A student's score on one exercise set by hand: what is set now, and for staff allowed to, the
// form that sets it with the comment the student will read.
import { useId } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { TextField } from "@/components/ui/text-field";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";
import { format } from "@/i18n";
import { overrideMessages } from "@/i18n/overrides";
import type { TScoreOverride } from "@/server/overrides/load-score-overrides";

export function ScoreOverridePanel({
  target,
  points,
  override,
  action,
}: {
  target: { courseId: string; assignmentId: string; studentId: string; slug: string };
  points: number;
  override: TScoreOverride | null;
  /** absent when the viewer may not set scores */
  action: TFormAction | null;
}) {
  const t = overrideMessages(useLocale());
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 rounded-md border border-slate-300 p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t.heading}
      </h2>
      {override ? (
        <div data-testid="current-override" className="text-sm">
          <p>{format(t.current, { name: override.setBy, score: override.score, points })}</p>
          <p className="italic">{override.comment}</p>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t.none}</p>
      )}
      {action ? <OverrideForm target={target} points={points} override={override} action={action} /> : <p className="text-sm text-slate-700">{t.readOnly}</p>}
    </section>
  );
}

function OverrideForm({
  target,
  points,
  override,
  action,
}: {
  target: { courseId: string; assignmentId: string; studentId: string; slug: string };
  points: number;
  override: TScoreOverride | null;
  action: TFormAction;
}) {
  const t = overrideMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField id={`${id}-score`} name="score" type="number" min={0} step="any" label={format(t.score, { points })} defaultValue={override?.score} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-comment`} className="text-sm font-medium text-slate-800">
          {t.comment}
        </label>
        <textarea
          id={`${id}-comment`}
          name="comment"
          rows={2}
          maxLength={1000}
          defaultValue={override?.comment}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-blue-700"
        />
      </div>
      <ActionResult state={state} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.saving}>
          {t.save}
        </PendingButton>
      </div>
    </form>
  );
}
