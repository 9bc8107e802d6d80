"use server";
import { redirect } from "next/navigation";
import { ZReturnPath, ZSignUpInput } from "@/server/accounts/account-schemas";
import { signUp } from "@/server/accounts/sign-up";
import { runAction, type TActionState } from "@/server/action-state";

export async function signUpAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const next = ZReturnPath.parse(form.get("next") ?? "/");
  const state = await runAction(async () => {
    await signUp(
      ZSignUpInput.parse({ name: form.get("name") ?? "", email: form.get("email") ?? "", password: form.get("password") ?? "" }),
    );
    return { status: "ok" };
  });
  if (state.status === "ok") redirect(next);
  return state.status === "error" ? { ...state, fields: { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") } } : state;
}
