"use client";
import { AccountForm } from "@/components/accounts/account-form";
import { useLocale } from "@/components/layout/locale-provider";
import { TextField } from "@/components/ui/text-field";
import { commonMessages } from "@/i18n/common";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const t = commonMessages(useLocale());
  return (
    <AccountForm action={signInAction} next={next} submitLabel={t.signIn} otherForm={{ question: t.noAccount, label: t.signUp, path: "/sign-up" }}>
      {(typed) => (
        <>
          <TextField id="email" name="email" defaultValue={typed?.email} type="email" label={t.email} autoComplete="email" required />
          <TextField id="password" name="password" type="password" label={t.password} autoComplete="current-password" required />
        </>
      )}
    </AccountForm>
  );
}
