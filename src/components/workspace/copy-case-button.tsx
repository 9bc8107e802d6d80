"use client";
// "Copy this case": asks the server for the case's numpy script (the server decides whether the
// viewer may see the case's data) and puts it on the clipboard. When the browser refuses the
// clipboard, the script is shown selected in a read-only box to copy by hand.
import { useId, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { exerciseMessages } from "@/i18n/exercise";
import { workspaceMessages } from "@/i18n/workspace";
import type { TCaseSnippet } from "@/server/submissions/get-case-snippet";
import { callApi } from "./workspace-api";

/** Where a shown result's cases come from: the sample cases of an exercise, or a stored submission. */
export type TCaseSource = { kind: "samples"; assignmentId: string; slug: string } | { kind: "submission"; submissionId: string };

export function findSnippetUrl(source: TCaseSource, caseIndex: number): string {
  return source.kind === "samples"
    ? `/api/assignments/${encodeURIComponent(source.assignmentId)}/exercises/${encodeURIComponent(source.slug)}/samples/${caseIndex}/snippet`
    : `/api/submissions/${encodeURIComponent(source.submissionId)}/cases/${caseIndex}/snippet`;
}

type TState = { kind: "idle" } | { kind: "busy" } | { kind: "copied" } | { kind: "failed"; message: string } | { kind: "manual"; snippet: string };

export function CopyCaseButton({ source, caseIndex, caseTitle }: { source: TCaseSource; caseIndex: number; caseTitle: string }) {
  const locale = useLocale();
  const t = workspaceMessages(locale);
  const hintId = useId();
  const [state, setState] = useState<TState>({ kind: "idle" });

  const copy = async () => {
    setState({ kind: "busy" });
    const answer = await callApi<TCaseSnippet>(findSnippetUrl(source, caseIndex), { method: "GET" }, exerciseMessages(locale).networkError);
    if (!answer.ok) {
      setState({ kind: "failed", message: answer.message });
      return;
    }
    try {
      await navigator.clipboard.writeText(answer.data.snippet);
      setState({ kind: "copied" });
    } catch {
      setState({ kind: "manual", snippet: answer.data.snippet });
    }
  };

  return (
    <div className="mt-1 flex flex-col items-start gap-1 font-normal">
      <button
        type="button"
        onClick={() => void copy()}
        disabled={state.kind === "busy"}
        aria-describedby={hintId}
        data-testid="copy-case"
        className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs text-slate-900 hover:bg-slate-100 disabled:opacity-60"
      >
        {t.copyCase}
        <span className="sr-only"> ({caseTitle})</span>
      </button>
      <span id={hintId} className="sr-only">
        {t.copyCaseHint}
      </span>
      {/* Live only for what the student's own click caused: the verdict is announced by the page. */}
      <span aria-live="polite" className="text-xs text-slate-700">
        {state.kind === "copied" ? t.copyCaseDone : null}
        {state.kind === "failed" ? <span className="text-red-800">{format(t.copyCaseFailed, { message: state.message })}</span> : null}
        {state.kind === "manual" ? t.copyCaseManual : null}
      </span>
      {state.kind === "manual" ? (
        <textarea
          readOnly
          value={state.snippet}
          aria-label={t.copyCase}
          ref={(box) => box?.select()}
          className="h-40 w-full min-w-64 rounded border border-slate-300 font-mono text-xs"
        />
      ) : null}
    </div>
  );
}
