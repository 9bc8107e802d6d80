"use client";
// The admin's forms: grant the instructor role to an account by email, and revoke it per person.
import { useId } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { TextField } from "@/components/ui/text-field";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";
import { format } from "@/i18n";
import { adminMessages } from "@/i18n/admin";

export function GrantInstructorForm({ action }: { action: TFormAction }) {
  const t = adminMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      <TextField id={`${id}-email`} name="email" type="email" label={t.grantEmail} autoComplete="off" />
      <ActionResult state={state} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.granting}>
          {t.grant}
        </PendingButton>
      </div>
    </form>
  );
}

export function RevokeInstructorForm({ action, person }: { action: TFormAction; person: { name: string; email: string } }) {
  const t = adminMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action, { confirm: t.revokeConfirm });
  return (
    <form onSubmit={onSubmit} aria-label={format(t.revokeFor, { name: person.name })}>
      <input type="hidden" name="email" value={person.email} />
      <PendingButton isPending={isPending} pendingLabel={t.revoking} variant="danger">
        {t.revoke}
      </PendingButton>
      <ActionResult state={state} />
    </form>
  );
}
