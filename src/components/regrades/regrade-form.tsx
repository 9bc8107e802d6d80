"use client";
// Starts a regrade of one exercise's submissions in the course, for every student or one.
import { useId } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { exerciseTitle } from "@/i18n/exercise-title";
import { instructorMessages } from "@/i18n/instructor";
import type { TRegradeOverview } from "@/server/regrades/list-regrade-jobs";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";

const SELECT = "rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900";

export function RegradeForm({
  courseId,
  exercises,
  students,
  action,
}: {
  courseId: string;
  exercises: TRegradeOverview["exercises"];
  students: TRegradeOverview["students"];
  action: TFormAction;
}) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const { state, onSubmit, isPending } = useFormAction(action, { confirm: t.regradeConfirm });
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="regrade-form">
      <input type="hidden" name="courseId" value={courseId} />
      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-exercise`} className="text-sm font-medium text-slate-800">
            {t.regradeExercise}
          </label>
          <select id={`${id}-exercise`} name="exerciseId" className={SELECT} required>
            {exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {exerciseTitle(e, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-student`} className="text-sm font-medium text-slate-800">
            {t.regradeStudent}
          </label>
          <select id={`${id}-student`} name="studentId" className={SELECT} defaultValue="">
            <option value="">{t.allStudents}</option>
            {students.map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.name} ({s.email})
              </option>
            ))}
          </select>
        </div>
      </div>
      <ActionResult state={state} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.saving}>
          {t.startRegrade}
        </PendingButton>
      </div>
    </form>
  );
}
