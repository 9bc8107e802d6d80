"use client";
// The frame both account forms share (sign in, create account): the return path, the error of the
// last attempt, the submit button and the link to the other form. Each form brings its own fields.
import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { commonMessages } from "@/i18n/common";
import type { TActionState } from "@/server/action-state";

export function AccountForm({
  action,
  next,
  submitLabel,
  otherForm,
  children,
}: {
  action: (state: TActionState, form: FormData) => Promise<TActionState>;
  /** where to go once signed in; the link to the other form keeps it */
  next: string;
  submitLabel: string;
  otherForm: { question: string; label: string; path: "/sign-in" | "/sign-up" };
  /** the fields, given what the reader typed before an error (never a password) so it is not lost */
  children: (typed: Record<string, string> | undefined) => ReactNode;
}) {
  const t = commonMessages(useLocale());
  const [state, formAction] = useActionState<TActionState, FormData>(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {children(state.status === "error" ? state.fields : undefined)}
      {state.status === "error" ? <FormAlert kind="error" message={state.error.message} /> : null}
      <SubmitButton pendingLabel={t.working}>{submitLabel}</SubmitButton>
      <p className="text-sm text-slate-700">
        {otherForm.question}{" "}
        <Link className="font-medium text-blue-800 underline" href={`${otherForm.path}?next=${encodeURIComponent(next)}`}>
          {otherForm.label}
        </Link>
      </p>
    </form>
  );
}
