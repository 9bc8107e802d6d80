"use client";
import { AccountForm } from "@/components/accounts/account-form";
import { useLocale } from "@/components/layout/locale-provider";
import { TextField } from "@/components/ui/text-field";
import { commonMessages } from "@/i18n/common";
import { signUpAction } from "./actions";

export function SignUpForm({ next }: { next: string }) {
  const t = commonMessages(useLocale());
  return (
    <AccountForm action={signUpAction} next={next} submitLabel={t.signUp} otherForm={{ question: t.haveAccount, label: t.signIn, path: "/sign-in" }}>
      {(typed) => (
        <>
          <TextField id="name" name="name" defaultValue={typed?.name} label={t.name} autoComplete="name" required maxLength={100} />
          <TextField id="email" name="email" defaultValue={typed?.email} type="email" label={t.email} autoComplete="email" required />
          <TextField id="password" name="password" type="password" label={t.password} hint={t.passwordHint} autoComplete="new-password" required />
        </>
      )}
    </AccountForm>
  );
}
