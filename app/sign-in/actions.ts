"use server";
import { redirect } from "next/navigation";
import { ZReturnPath, ZSignInInput } from "@/server/accounts/account-schemas";
import { landingPathAfterSignIn } from "@/server/accounts/landing-path";
import { signIn } from "@/server/accounts/sign-in";
import { runAction, type TActionState } from "@/server/action-state";
import { db } from "@/server/db";

export async function signInAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  let next = ZReturnPath.parse(form.get("next") ?? "/");
  const state = await runAction(async () => {
    const { userId } = await signIn(ZSignInInput.parse({ email: form.get("email") ?? "", password: form.get("password") ?? "" }));
    // No page asked for: staff land on their courses.
    if (next === "/") next = await landingPathAfterSignIn(db, userId);
    return { status: "ok" };
  });
  if (state.status === "ok") redirect(next);
  return state.status === "error" ? { ...state, fields: { email: String(form.get("email") ?? "") } } : state;
}
