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
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const locale = useLocale();
  const t = emailMessages(locale);
  const tc = commonMessages(locale);
  const [state, action] = useActionState<TActionState, FormData>(resetPasswordAction, { status: "idle" });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField id="new-password" name="newPassword" type="password" label={t.newPassword} hint={tc.passwordHint} autoComplete="new-password" required />
      {state.status === "error" ? (
        <>
          <FormAlert kind="error" message={state.error.message} />
          <Link className="text-sm font-medium text-blue-800 underline" href="/forgot-password">
            {t.askNewLink}
          </Link>
        </>
      ) : null}
      <SubmitButton pendingLabel={tc.working}>{t.resetSave}</SubmitButton>
    </form>
  );
}
