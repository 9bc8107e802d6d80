"use client";
// Creates a course, or edits one's title and description when given the course.
import { useId } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { TextField } from "@/components/ui/text-field";
import { instructorMessages } from "@/i18n/instructor";
import { overrideMessages } from "@/i18n/overrides";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";

export function CourseForm({
  action,
  course,
}: {
  action: TFormAction;
  course?: { id: string; title: string; description: string | null; taMayOverrideScores: boolean };
}) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const { state, onSubmit, isPending } = useFormAction(action);
  const id = useId();
  const headingId = `${id}-heading`;
  return (
    <form onSubmit={onSubmit} aria-labelledby={headingId} className="flex flex-col gap-3" noValidate>
      <h2 id={headingId} className="text-lg font-semibold">
        {course ? t.courseSettings : t.createCourse}
      </h2>
      {course ? <input type="hidden" name="courseId" value={course.id} /> : null}
      <TextField id={`${id}-title`} name="title" label={t.courseTitle} defaultValue={course?.title} required maxLength={120} autoComplete="off" />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-description`} className="text-sm font-medium text-slate-800">
          {t.courseDescription}
        </label>
        <textarea
          id={`${id}-description`}
          name="description"
          defaultValue={course?.description ?? ""}
          maxLength={2000}
          rows={3}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-blue-700"
        />
      </div>
      {course ? (
        <div className="flex items-center gap-2">
          <input id={`${id}-ta-override`} name="taMayOverrideScores" type="checkbox" defaultChecked={course.taMayOverrideScores} />
          <label htmlFor={`${id}-ta-override`} className="text-sm text-slate-800">
            {overrideMessages(locale).taMayOverride}
          </label>
        </div>
      ) : null}
      <ActionResult state={state} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.saving}>
          {course ? t.save : t.create}
        </PendingButton>
      </div>
    </form>
  );
}
