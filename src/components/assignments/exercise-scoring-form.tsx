"use client";
// Per exercise of an assignment: its points there and proportional or all-or-nothing scoring,
// one small form per exercise, each saved (and re-scored) on its own.
import { useId } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";
import { format } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { instructorMessages } from "@/i18n/instructor";
import type { TExerciseScoringRow } from "@/server/grades/exercise-scoring";

const INPUT = "rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-blue-700";

function ExerciseScoringRow({ row, courseId, assignmentId, action }: { row: TExerciseScoringRow; courseId: string; assignmentId: string; action: TFormAction }) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const { state, onSubmit, isPending } = useFormAction(action);
  const id = useId();
  const ruleLabel = { proportional: t.scoringProportional, "all-or-nothing": t.scoringAllOrNothing }[row.defaultScoring];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2 border-t border-slate-200 pt-3" aria-label={exerciseTitle(row, locale)} data-testid={`scoring-${row.slug}`}>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="exerciseId" value={row.exerciseId} />
      <p className="font-medium text-slate-900">{exerciseTitle(row, locale)}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-points`} className="text-sm text-slate-800">
            {format(t.scoringPoints, { points: row.defaultPoints })}
          </label>
          <input id={`${id}-points`} name="points" type="number" inputMode="numeric" min={1} step={1} defaultValue={row.points ?? ""} className={`${INPUT} w-28`} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-rule`} className="text-sm text-slate-800">
            {t.scoringRule}
          </label>
          <select id={`${id}-rule`} name="scoring" defaultValue={row.scoring ?? ""} className={INPUT}>
            <option value="">{format(t.scoringDefault, { rule: ruleLabel })}</option>
            <option value="proportional">{t.scoringProportional}</option>
            <option value="all_or_nothing">{t.scoringAllOrNothing}</option>
          </select>
        </div>
        <PendingButton isPending={isPending} pendingLabel={t.saving} variant="secondary">
          {t.save}
        </PendingButton>
      </div>
      <ActionResult state={state} />
    </form>
  );
}

export function ExerciseScoringForm(props: { rows: TExerciseScoringRow[]; courseId: string; assignmentId: string; action: TFormAction }) {
  const t = instructorMessages(useLocale());
  return (
    <section aria-labelledby="scoring-heading" className="flex max-w-2xl flex-col gap-3 rounded-md border border-slate-300 bg-white p-3">
      <h2 id="scoring-heading" className="font-semibold text-slate-900">
        {t.scoringTitle}
      </h2>
      <p className="text-xs text-slate-600">{t.scoringHint}</p>
      {props.rows.map((row) => (
        <ExerciseScoringRow key={row.exerciseId} row={row} courseId={props.courseId} assignmentId={props.assignmentId} action={props.action} />
      ))}
    </section>
  );
}
