"use client";
// Starts a similarity report over one exercise of the assignment, optionally against the same
// exercise in other courses the instructor teaches.
import { useId } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";
import { exerciseTitle } from "@/i18n/exercise-title";
import { similarityMessages } from "@/i18n/similarity";

export function SimilarityStartForm({
  courseId,
  assignmentId,
  exercises,
  otherCourses,
  action,
}: {
  courseId: string;
  assignmentId: string;
  exercises: { id: string; slug: string; title: string; titleZh: string | null }[];
  otherCourses: { id: string; title: string }[];
  action: TFormAction;
}) {
  const locale = useLocale();
  const t = similarityMessages(locale);
  const { state, onSubmit, isPending } = useFormAction(action);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="similarity-start-form">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-exercise`} className="text-sm font-medium text-slate-800">
          {t.exercise}
        </label>
        <select id={`${id}-exercise`} name="exerciseId" className="max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900" required>
          {exercises.map((exercise) => (
            <option key={exercise.id} value={exercise.id}>
              {exerciseTitle(exercise, locale)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t.compareWith}</legend>
        {otherCourses.length === 0 ? (
          <p className="text-sm text-slate-700">{t.noOtherCourses}</p>
        ) : (
          otherCourses.map((course) => (
            <label key={course.id} className="flex items-center gap-2 text-sm text-slate-900">
              <input type="checkbox" name="comparisonCourseId" value={course.id} />
              {course.title}
            </label>
          ))
        )}
      </fieldset>
      <ActionResult state={state} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.start}>
          {t.start}
        </PendingButton>
      </div>
    </form>
  );
}
