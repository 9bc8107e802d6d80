"use client";
// Join a course by the code the instructor hands out.
import { useActionState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { commonMessages } from "@/i18n/common";
import type { TActionState } from "@/server/action-state";

export function JoinCourseForm({ action }: { action: (prev: TActionState, form: FormData) => Promise<TActionState> }) {
  const t = commonMessages(useLocale());
  const [state, formAction] = useActionState<TActionState, FormData>(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-labelledby="join-course-heading" noValidate>
      <h2 id="join-course-heading" className="text-lg font-semibold">
        {t.joinCourse}
      </h2>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextField id="course-code" name="code" label={t.courseCode} autoComplete="off" autoCapitalize="characters" required maxLength={40} />
        </div>
        <SubmitButton pendingLabel={t.working}>{t.join}</SubmitButton>
      </div>
      {state.status === "error" ? <FormAlert kind="error" message={state.error.message} /> : null}
      {state.status === "ok" && state.message ? <FormAlert kind="ok" message={state.message} /> : null}
    </form>
  );
}
