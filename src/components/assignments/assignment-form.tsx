"use client";
// Sets or edits an assignment: its exercises, opening and due dates in a named time zone, the
// late policy, attempt limits and when students see their scores and hidden-case data.
import { useId, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { TextField } from "@/components/ui/text-field";
import { format } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { instructorMessages } from "@/i18n/instructor";
import type { TAssignmentFormValues } from "@/server/assignments/get-assignment-settings";
import type { TReleaseTiming } from "@/server/assignments/release";
import type { TCatalogExercise } from "@/server/exercises/list-exercise-catalog";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";

const INPUT = "rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-blue-700";

function Hint({ id, children }: { id: string; children: string }) {
  return (
    <p id={id} className="text-xs text-slate-600">
      {children}
    </p>
  );
}

function ReleaseSelect({ id, name, label, initial }: { id: string; name: string; label: string; initial: TReleaseTiming }) {
  const t = instructorMessages(useLocale());
  const labels: Record<TReleaseTiming, string> = { immediately: t.releaseImmediately, after_due: t.releaseAfterDue, on_publish: t.releaseOnPublish };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={initial} className={INPUT}>
        {Object.entries(labels).map(([timing, text]) => (
          <option key={timing} value={timing}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AssignmentForm({
  action,
  courseId,
  assignmentId,
  catalog,
  timeZones,
  initial,
}: {
  action: TFormAction;
  courseId: string;
  assignmentId?: string;
  catalog: TCatalogExercise[];
  timeZones: string[];
  initial: TAssignmentFormValues;
}) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const { state, onSubmit, isPending } = useFormAction(action);
  const [allowLate, setAllowLate] = useState(initial.allowLate);
  const id = useId();
  const chosen = new Set(initial.exerciseIds);
  return (
    <form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-5" noValidate data-testid="assignment-form">
      <input type="hidden" name="courseId" value={courseId} />
      {assignmentId ? <input type="hidden" name="assignmentId" value={assignmentId} /> : null}
      <TextField id={`${id}-title`} name="title" label={t.assignmentTitle} defaultValue={initial.title} required maxLength={200} autoComplete="off" />

      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3" aria-describedby={`${id}-exercises-hint`}>
        <legend className="px-1 text-sm font-medium text-slate-800">{t.chooseExercises}</legend>
        <Hint id={`${id}-exercises-hint`}>{t.chooseExercisesHint}</Hint>
        {catalog.map((exercise) => (
          <label key={exercise.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="exerciseIds" value={exercise.id} defaultChecked={chosen.has(exercise.id)} className="h-4 w-4" />
            <span>{exerciseTitle(exercise, locale)}</span>
            <span className="text-slate-600">({format(t.points, { points: exercise.points })})</span>
          </label>
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t.dates}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField id={`${id}-opens`} name="opensAt" type="datetime-local" label={t.opensAt} defaultValue={initial.opensAt} required />
          <TextField id={`${id}-due`} name="dueAt" type="datetime-local" label={t.dueAt} defaultValue={initial.dueAt} required />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-zone`} className="text-sm font-medium text-slate-800">
            {t.timeZone}
          </label>
          <select id={`${id}-zone`} name="timeZone" defaultValue={initial.timeZone} aria-describedby={`${id}-zone-hint`} className={INPUT}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <Hint id={`${id}-zone-hint`}>{t.timeZoneHint}</Hint>
        </div>
        {assignmentId ? <p className="text-sm text-amber-900">{t.deadlineChangeNote}</p> : null}
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t.latePolicy}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="allowLate" checked={allowLate} onChange={(event) => setAllowLate(event.target.checked)} className="h-4 w-4" />
          {t.allowLate}
        </label>
        <TextField
          id={`${id}-penalty`}
          name="latePenaltyPercent"
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          label={t.latePenalty}
          hint={t.latePenaltyHint}
          defaultValue={initial.latePenaltyPercent}
          disabled={!allowLate}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t.limits}</legend>
        <TextField
          id={`${id}-cooldown`}
          name="cooldownSeconds"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={t.cooldown}
          hint={t.optionalHint}
          defaultValue={initial.cooldownSeconds ?? ""}
        />
        <TextField
          id={`${id}-attempts`}
          name="maxAttempts"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={t.maxAttempts}
          hint={t.optionalHint}
          defaultValue={initial.maxAttempts ?? ""}
        />
        <div className="flex flex-col gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="loadErrorsCostNoAttempt"
              defaultChecked={initial.loadErrorsCostNoAttempt}
              aria-describedby={`${id}-load-errors-hint`}
              className="h-4 w-4"
            />
            {t.loadErrorsCostNoAttempt}
          </label>
          <Hint id={`${id}-load-errors-hint`}>{t.loadErrorsCostNoAttemptHint}</Hint>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-3" aria-describedby={`${id}-release-hint`}>
        <legend className="px-1 text-sm font-medium text-slate-800">{t.release}</legend>
        <Hint id={`${id}-release-hint`}>{t.releaseHint}</Hint>
        <ReleaseSelect id={`${id}-scores-release`} name="scoresRelease" label={t.scoresRelease} initial={initial.scoresRelease} />
        <ReleaseSelect id={`${id}-details-release`} name="hiddenDetailsRelease" label={t.hiddenDetailsRelease} initial={initial.hiddenDetailsRelease} />
      </fieldset>

      <ActionResult state={state} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.saving}>
          {assignmentId ? t.save : t.createAssignment}
        </PendingButton>
      </div>
    </form>
  );
}
