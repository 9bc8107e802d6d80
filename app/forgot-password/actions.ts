"use server";
import { format } from "@/i18n";
import { emailMessages } from "@/i18n/email";
import { getLocale } from "@/i18n/server";
import { ZForgotPasswordInput } from "@/server/accounts/account-schemas";
import { RESET_PASSWORD_EXPIRES_IN_SECONDS } from "@/server/accounts/account-mails";
import { requestPasswordReset } from "@/server/accounts/request-password-reset";
import { runAction, type TActionState } from "@/server/action-state";

export async function forgotPasswordAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const state = await runAction(async () => {
    const input = ZForgotPasswordInput.parse({ email: form.get("email") ?? "" });
    await requestPasswordReset(input);
    const t = emailMessages(await getLocale());
    return { status: "ok", message: format(t.forgotDone, { email: input.email, minutes: RESET_PASSWORD_EXPIRES_IN_SECONDS / 60 }) };
  });
  return state.status === "error" ? { ...state, fields: { email: String(form.get("email") ?? "") } } : state;
}
