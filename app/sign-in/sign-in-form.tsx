"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { commonMessages } from "@/i18n/common";
import type { TActionState } from "@/server/action-state";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const t = commonMessages(useLocale());
  const [state, action] = useActionState<TActionState, FormData>(signInAction, { status: "idle" });
  const typed = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <TextField id="email" name="email" defaultValue={typed?.email} type="email" label={t.email} autoComplete="email" required />
      <TextField id="password" name="password" type="password" label={t.password} autoComplete="current-password" required />
      {state.status === "error" ? <FormAlert kind="error" message={state.error.message} /> : null}
      <SubmitButton pendingLabel={t.working}>{t.signIn}</SubmitButton>
      <p className="text-sm text-slate-700">
        {t.noAccount}{" "}
        <Link className="font-medium text-blue-800 underline" href={`/sign-up?next=${encodeURIComponent(next)}`}>
          {t.signUp}
        </Link>
      </p>
    </form>
  );
}
