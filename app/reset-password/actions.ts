"use server";
import { redirect } from "next/navigation";
import { ZResetPasswordInput } from "@/server/accounts/account-schemas";
import { resetPassword } from "@/server/accounts/reset-password";
import { runAction, type TActionState } from "@/server/action-state";

export async function resetPasswordAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const state = await runAction(async () => {
    await resetPassword(ZResetPasswordInput.parse({ token: form.get("token") ?? "", newPassword: form.get("newPassword") ?? "" }));
    return { status: "ok" };
  });
  // Every session of the account is gone, this browser's included: sign in again.
  if (state.status === "ok") redirect("/sign-in?reset=1");
  return state;
}
