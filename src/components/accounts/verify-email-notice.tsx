"use client";
// Shown to a signed-in account whose address is not confirmed yet: what to do, and a button
// that mails the link again.
import { useActionState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { format } from "@/i18n";
import { commonMessages } from "@/i18n/common";
import { emailMessages } from "@/i18n/email";
import type { TActionState } from "@/server/action-state";

export function VerifyEmailNotice({ email, resendAction }: { email: string; resendAction: (prev: TActionState, form: FormData) => Promise<TActionState> }) {
  const locale = useLocale();
  const t = emailMessages(locale);
  const [state, action] = useActionState<TActionState, FormData>(resendAction, { status: "idle" });
  return (
    <form action={action} className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-3" aria-labelledby="verify-email-heading" data-testid="verify-email-notice">
      <h2 id="verify-email-heading" className="font-semibold text-amber-950">
        {t.verifyNoticeTitle}
      </h2>
      <p className="text-sm text-amber-950">{format(t.verifyNoticeBody, { email })}</p>
      <SubmitButton pendingLabel={commonMessages(locale).working}>{t.resendLink}</SubmitButton>
      {state.status === "error" ? <FormAlert kind="error" message={state.error.message} /> : null}
      {state.status === "ok" && state.message ? <FormAlert kind="ok" message={state.message} /> : null}
    </form>
  );
}
