"use client";
// The autosave state in words, inline for the editor's toolbar. Only failures are announced:
// "Saving…" after every pause in typing would drown out everything else a screen reader says.
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { workspaceMessages } from "@/i18n/workspace";
import type { TDraftSaveState } from "./draft-autosaver";

export function DraftSaveStatus({ state }: { state: TDraftSaveState }) {
  const locale = useLocale();
  const t = workspaceMessages(locale);
  const failure =
    state.kind === "failed" ? format(t.draftFailed, { message: state.message ?? t.draftUnreachable }) : "";
  return (
    <span className="text-sm text-slate-700" data-testid="draft-status" data-state={state.kind}>
      {state.kind === "idle" ? t.draftIdle : null}
      {state.kind === "pending" ? t.draftPending : null}
      {state.kind === "saving" ? t.draftSaving : null}
      {state.kind === "saved" ? (
        <time dateTime={state.savedAt}>
          {format(t.draftSaved, {
            time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(state.savedAt)),
          })}
        </time>
      ) : null}
      <span aria-live="polite" className="text-red-800">
        {failure}
      </span>
    </span>
  );
}
