"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { commonMessages } from "@/i18n/common";
import { emailMessages } from "@/i18n/email";
import type { TActionState } from "@/server/action-state";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const locale = useLocale();
  const t = emailMessages(locale);
  const tc = commonMessages(locale);
  const [state, action] = useActionState<TActionState, FormData>(forgotPasswordAction, { status: "idle" });
  const typed = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <p className="text-slate-700">{t.forgotIntro}</p>
      <TextField id="email" name="email" defaultValue={typed?.email} type="email" label={tc.email} autoComplete="email" required />
      {state.status === "error" ? <FormAlert kind="error" message={state.error.message} /> : null}
      {state.status === "ok" && state.message ? <FormAlert kind="ok" message={state.message} /> : null}
      <SubmitButton pendingLabel={tc.working}>{t.forgotSend}</SubmitButton>
      <Link className="text-sm font-medium text-blue-800 underline" href="/sign-in">
        {t.backToSignIn}
      </Link>
    </form>
  );
}
