"use client";
// Runs a form's server action without React's automatic form reset, so a refused form keeps what
// the instructor typed (an assignment has a dozen fields). An optional confirmation question is
// asked first.
import { startTransition, useActionState, type FormEvent } from "react";
import type { TActionState } from "@/server/action-state";

export type TFormAction = (prev: TActionState, form: FormData) => Promise<TActionState>;

export function useFormAction(action: TFormAction, options: { confirm?: string } = {}) {
  const [state, dispatch, isPending] = useActionState<TActionState, FormData>(action, { status: "idle" });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (options.confirm && !window.confirm(options.confirm)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, onSubmit, isPending };
}
