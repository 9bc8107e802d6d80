"use server";
import { redirect } from "next/navigation";
import { ZReturnPath, ZSignInInput } from "@/server/accounts/account-schemas";
import { signIn } from "@/server/accounts/sign-in";
import { runAction, type TActionState } from "@/server/action-state";

export async function signInAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const next = ZReturnPath.parse(form.get("next") ?? "/");
  const state = await runAction(async () => {
    await signIn(ZSignInInput.parse({ email: form.get("email") ?? "", password: form.get("password") ?? "" }));
    return { status: "ok" };
  });
  if (state.status === "ok") redirect(next);
  return state.status === "error" ? { ...state, fields: { email: String(form.get("email") ?? "") } } : state;
}
