"use client";
// The student's exercise page: statement and visualizer, the editor with autosave, Run and
// Submit, the results panel, and the history of submissions. Verdicts are announced through a
// live region that is on the page, empty, before any verdict arrives: screen readers may ignore
// a live region that appears already filled.
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { FormAlert } from "@/components/ui/form-alert";
import { CodeEditorLazy } from "@/components/workspace/code-editor-lazy";
import { ConvVisualizer } from "@/components/workspace/conv-visualizer";
import { DraftSaveStatus } from "@/components/workspace/draft-save-status";
import { GradingProgress } from "@/components/workspace/grading-progress";
import { ResultsPanel } from "@/components/workspace/results-panel";
import { StatementView } from "@/components/workspace/statement-view";
import { SubmissionHistory } from "@/components/workspace/submission-history";
import type { TSubmissionSummary } from "@/server/submissions/list-submission-history";
import { useDraftAutosave } from "@/components/workspace/use-draft-autosave";
import { describeVerdict } from "@/components/workspace/verdict-announcement";
import { format, type TLocale } from "@/i18n";
import { formatDeadline } from "@/i18n/format-time";
import { exerciseMessages } from "@/i18n/exercise";
import { workspaceMessages } from "@/i18n/workspace";
import type { TShownGradingResult } from "@/server/submissions/redact-hidden-details";
import { createWorkspaceApi } from "./workspace-api";

/** Least time between two requests for a submission (long polls answer early when its status changes). */
const MIN_POLL_INTERVAL_MS = 700;
const MAX_POLL_FAILURES = 20;

export interface TExerciseWorkspaceProps {
  assignmentId: string;
  slug: string;
  /** the statement's Markdown in every language */
  statements: Record<TLocale, string>;
  starter: string;
  initialCode: string;
  history: TSubmissionSummary[];
  deadlineNotice: string | null;
  canSubmit: boolean;
}

type TActivity =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "submitting"; phase: "queued" | "running"; queuePosition: number | null; estimateSeconds: number | null };

export function ExerciseWorkspace(props: TExerciseWorkspaceProps) {
  const locale = useLocale();
  const t = exerciseMessages(locale);
  const tw = workspaceMessages(locale);
  const router = useRouter();
  const [code, setCode] = useState(props.initialCode);
  const [activity, setActivity] = useState<TActivity>({ kind: "idle" });
  const [result, setResult] = useState<{ label: string; result: TShownGradingResult } | null>(null);
  /** set instead of result when a Submit's score is not released yet */
  const [resultAfter, setResultAfter] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<"statement" | "visualizer">("statement");
  const busy = useRef(false);
  const api = useMemo(
    () => createWorkspaceApi({ assignmentId: props.assignmentId, slug: props.slug, networkError: t.networkError }),
    [props.assignmentId, props.slug, t.networkError],
  );
  const saveDraft = useCallback(
    async (text: string) => {
      const saved = await api.saveDraft(text);
      return saved.ok ? { ok: true as const, savedAt: saved.data.savedAt } : { ok: false as const, message: saved.message };
    },
    [api],
  );
  const autosave = useDraftAutosave({ code, saveDraft });

  // One grading at a time; the ref (not state) closes the double-click window before React re-renders.
  const startExclusive = (): boolean => {
    if (busy.current) return false;
    busy.current = true;
    setError(null);
    // Emptied first, so the same verdict twice in a row is still a change that gets announced.
    setAnnouncement("");
    return true;
  };
  const show = (label: string, graded: TShownGradingResult) => {
    setResultAfter(null);
    setResult({ label, result: graded });
    setAnnouncement(describeVerdict(graded, tw, locale));
  };
  const finish = () => {
    busy.current = false;
    setActivity({ kind: "idle" });
  };

  const run = async () => {
    if (!startExclusive()) return;
    setActivity({ kind: "running" });
    const outcome = await api.runSamples(code);
    if (outcome.ok) show(t.sampleRun, outcome.data);
    else setError(outcome.message);
    finish();
  };

  const submit = async () => {
    if (!startExclusive()) return;
    setActivity({ kind: "submitting", phase: "queued", queuePosition: null, estimateSeconds: null });
    await autosave.flush();
    const created = await api.submit(code, crypto.randomUUID());
    if (!created.ok) {
      setError(created.message);
      finish();
      return;
    }
    // The submission is stored; a flaky connection only delays showing its verdict. Each request
    // is a long poll: the server answers when the status changes (or with a fresh queue position
    // after a while), so the loop needs no timer of its own beyond a floor against hot loops.
    for (let failures = 0, seen: "queued" | "running" = "queued"; failures < MAX_POLL_FAILURES; ) {
      const asked = Date.now();
      const view = await api.getSubmission(created.data.id, seen);
      if (!view.ok) {
        failures += 1;
        if (failures === MAX_POLL_FAILURES) setError(view.message);
        await new Promise((resolve) => setTimeout(resolve, MIN_POLL_INTERVAL_MS));
        continue;
      }
      failures = 0;
      const { status, queuePosition, estimatedWaitSeconds, result: graded, resultAfter: wait } = view.data;
      if (status === "queued" || status === "running") {
        setActivity({ kind: "submitting", phase: status, queuePosition, estimateSeconds: estimatedWaitSeconds });
        seen = status;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, MIN_POLL_INTERVAL_MS - (Date.now() - asked))));
        continue;
      }
      if (graded) show(t.submission, graded);
      if (wait) {
        const notice = wait.kind === "due" ? format(tw.resultAfterDue, { date: formatDeadline(wait.dueAt, wait.timeZone, locale) }) : tw.resultAfterPublish;
        setResult(null);
        setResultAfter(notice);
        setAnnouncement(notice);
      }
      break;
    }
    finish();
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-4">
          <div role="tablist" aria-label={t.statement} className="flex gap-2 border-b border-slate-300">
            {(["statement", "visualizer"] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`panel-${name}`}
                onClick={() => setTab(name)}
                className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === name ? "border-blue-800 text-blue-900" : "border-transparent text-slate-700"}`}
              >
                {name === "statement" ? t.statement : t.visualizer}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === "statement" ? <StatementView statements={props.statements} /> : <ConvVisualizer />}
          </div>
        </div>

        <div className="flex min-w-0 flex-col gap-3">
          {props.deadlineNotice ? <FormAlert kind="error" message={props.deadlineNotice} /> : null}
          <CodeEditorLazy value={code} onChange={setCode} onRunShortcut={() => void run()} ariaLabel={t.editorLabel} />
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              onClick={() => void run()}
              disabled={activity.kind !== "idle"}
              className="rounded-md border border-blue-800 px-4 py-2 font-medium text-blue-900 hover:bg-blue-50 disabled:opacity-60"
            >
              {activity.kind === "running" ? t.running : t.run}
            </button>
            <button
              type="button"
              onClick={() => void submit()}
              disabled={activity.kind !== "idle" || !props.canSubmit}
              className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
            >
              {activity.kind === "submitting" ? t.submitting : t.submit}
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t.resetConfirm)) setCode(props.starter);
              }}
              className="rounded-md px-3 py-2 text-sm text-slate-800 underline"
            >
              {t.reset}
            </button>
            <span className="ml-auto text-sm">
              <DraftSaveStatus state={autosave.state} />
            </span>
          </div>
          <p className="text-xs text-slate-600">{t.runHint}</p>
          {error ? <FormAlert kind="error" message={error} /> : null}
          {/* A live region present before the progress appears in it, so screen readers announce it. */}
          <div role="status" aria-live="polite" data-testid="grading-progress-region">
            {activity.kind === "submitting" ? <GradingProgress phase={activity.phase} queuePosition={activity.queuePosition} estimateSeconds={activity.estimateSeconds} /> : null}
            {activity.kind === "running" ? <GradingProgress phase="running" /> : null}
          </div>
        </div>
      </div>
      <section aria-labelledby="results-heading" data-testid="results">
        <h2 id="results-heading" className="text-lg font-semibold">
          {t.results}
          {result ? <span className="ml-2 text-sm font-normal text-slate-600">{result.label}</span> : null}
        </h2>
        <p role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="results-announcement">
          {announcement}
        </p>
        {result ? <ResultsPanel result={result.result} /> : null}
        {resultAfter ? (
          <p data-testid="result-after" className="rounded-md border border-blue-200 bg-blue-50 p-3 text-blue-950">
            {resultAfter}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="history-heading" data-testid="history">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t.history}
        </h2>
        {props.history.length === 0 ? <p className="text-sm text-slate-700">{t.noHistory}</p> : <SubmissionHistory submissions={props.history} />}
      </section>
    </div>
  );
}
