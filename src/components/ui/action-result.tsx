"use client";
// The outcome of an instructor form, announced to screen readers: errors as alerts, successes politely.
import { FormAlert } from "@/components/ui/form-alert";
import type { TActionState } from "@/server/action-state";

export function ActionResult({ state }: { state: TActionState }) {
  if (state.status === "error") return <FormAlert kind="error" message={state.error.message} />;
  if (state.status === "ok" && state.message) return <FormAlert kind="ok" message={state.message} />;
  return null;
}
