"use client";
// The student's exercise page: statement and visualizer on one side; on the other the toolbar
// (Run, Submit with the attempts left or the cooldown, Reset), the editor filling the rest of the
// viewport, and the results of the run or submission shown, whose first error line is marked in
// the editor. On a phone the three are tabs (Task · Code · Results). The history below shows any
// earlier submission's stored feedback; the newest one's is shown on load. A Submit whose score the
// assignment has not released yet shows "submitted, result after …" instead. Verdicts are announced
// through a live region that is on the page, empty, before any verdict arrives: screen readers may
// ignore a live region that appears already filled.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { findErrorLine } from "@/grading/error-location";
import { renderMessage } from "@/grading/result-format";
import { useLocale } from "@/components/layout/locale-provider";
import { FormAlert } from "@/components/ui/form-alert";
import { CodeEditorLazy } from "@/components/workspace/code-editor-lazy";
import { ConvVisualizer } from "@/components/workspace/conv-visualizer";
import { DraftSaveStatus } from "@/components/workspace/draft-save-status";
import { GradingProgress } from "@/components/workspace/grading-progress";
import { ResultsPanel } from "@/components/workspace/results-panel";
import { StatementView } from "@/components/workspace/statement-view";
import { numberSubmissions, SubmissionHistory } from "@/components/workspace/submission-history";
import { useMediaQuery } from "@/components/workspace/use-media-query";
import type { TSubmissionSummary } from "@/server/submissions/list-submission-history";
import { useDraftAutosave } from "@/components/workspace/use-draft-autosave";
import { describeVerdict } from "@/components/workspace/verdict-announcement";
import { format, type TLocale } from "@/i18n";
import { formatDeadline } from "@/i18n/format-time";
import { exerciseMessages } from "@/i18n/exercise";
import { workspaceMessages } from "@/i18n/workspace";
import type { TReleaseWait } from "@/server/assignments/release";
import type { TShownGradingResult } from "@/server/submissions/redact-hidden-details";
import type { TCaseSource } from "./copy-case-button";
import { createWorkspaceApi } from "./workspace-api";

/** Least time between two requests for a submission (long polls answer early when its status changes). */
const MIN_POLL_INTERVAL_MS = 700;
const MAX_POLL_FAILURES = 20;

export interface TExerciseWorkspaceProps {
  assignmentId: string;
  slug: string;
  /** the statement in every language, rendered on the server (statement-content.tsx) */
  statements: Record<TLocale, ReactNode>;
  starter: string;
  initialCode: string;
  history: TSubmissionSummary[];
  attempts: { used: number; max: number | null; cooldownEndsAt: string | null };
  /** what the student's scores wait for (the assignment's scoresRelease), null once released */
  scoresAfter: TReleaseWait | null;
  /** the assignment's option: a file that does not load uses no attempt */
  isLoadErrorFree: boolean;
  deadlineNotice: string | null;
  canSubmit: boolean;
}

/**
 * What the results panel shows: a sample run just made, or a submission (its stored feedback, or
 * the one just graded). `marksEditor`: the code it graded was the editor's when it was shown, so
 * its error line is marked there; an older submission's line numbers would point elsewhere.
 */
type TShown =
  | { kind: "run"; result: TShownGradingResult; marksEditor: boolean }
  | { kind: "submission"; id: string; result: TShownGradingResult | null; resultAfter?: TReleaseWait; marksEditor: boolean };

/** "Submitted, result after …": what a Submit shows while the assignment keeps its score back. */
function describeResultAfter(wait: TReleaseWait, tw: ReturnType<typeof workspaceMessages>, locale: TLocale): string {
  return wait.kind === "due" ? format(tw.resultAfterDue, { date: formatDeadline(wait.dueAt, wait.timeZone, locale) }) : tw.resultAfterPublish;
}

type TPhoneTab = "task" | "code" | "results";

/** Where the shown result's cases come from, for "Copy this case". */
function describeCaseSource(shown: TShown, props: { assignmentId: string; slug: string }): TCaseSource {
  return shown.kind === "run"
    ? { kind: "samples", assignmentId: props.assignmentId, slug: props.slug }
    : { kind: "submission", submissionId: shown.id };
}

/**
 * Ctrl on the key labels, ⌘ on a Mac with a pointer. The media query makes the answer come after
 * hydration (false on the server), so server and browser render the same first.
 */
function useModifierLabel(): string {
  return useMediaQuery("(hover: hover)") && typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";
}

/** Seconds until `endsAt`, ticking each second; 0 once passed or without one. */
function useSecondsLeft(endsAt: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  const end = endsAt ? Date.parse(endsAt) : 0;
  useEffect(() => {
    if (end === 0) return;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= end) clearInterval(timer);
    };
    const timer = setInterval(tick, 1000);
    // at once too: `now` may be from long before this cooldown began
    queueMicrotask(tick);
    return () => clearInterval(timer);
  }, [end]);
  return Math.max(0, Math.ceil((end - now) / 1000));
}

type TActivity =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "submitting"; phase: "queued" | "running"; queuePosition: number | null; estimateSeconds: number | null; isTakingLonger: boolean };

export function ExerciseWorkspace(props: TExerciseWorkspaceProps) {
  const locale = useLocale();
  const t = exerciseMessages(locale);
  const tw = workspaceMessages(locale);
  const router = useRouter();
  const [code, setCode] = useState(props.initialCode);
  const [activity, setActivity] = useState<TActivity>({ kind: "idle" });
  const newest = props.history[0] ?? null;
  const [shown, setShown] = useState<TShown | null>(
    newest ? { kind: "submission", id: newest.id, result: null, marksEditor: newest.code === props.initialCode } : null,
  );
  const [historySelectedId, setHistorySelectedId] = useState<string | null>(newest?.id ?? null);
  const [phoneTab, setPhoneTab] = useState<TPhoneTab>("task");
  const [verdictCount, setVerdictCount] = useState(0);
  const isDesktop = useMediaQuery("(min-width: 1024px)");
  const modifier = useModifierLabel();
  const cooldownSeconds = useSecondsLeft(props.attempts.cooldownEndsAt);
  const ids = useId();
  const resultsRef = useRef<HTMLElement>(null);
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
  const show = (next: TShown & { result: TShownGradingResult }) => {
    setShown(next);
    setAnnouncement(describeVerdict(next.result, tw, locale));
    setPhoneTab("results");
    setVerdictCount((count) => count + 1);
  };
  const finish = () => {
    busy.current = false;
    setActivity({ kind: "idle" });
  };

  const run = async () => {
    if (!startExclusive()) return;
    setActivity({ kind: "running" });
    const outcome = await api.runSamples(code);
    if (outcome.ok) show({ kind: "run", result: outcome.data, marksEditor: true });
    else setError(outcome.message);
    finish();
  };

  const attemptsLeft = props.attempts.max === null ? null : Math.max(0, props.attempts.max - props.attempts.used);
  const isSubmitClosed = !props.canSubmit || attemptsLeft === 0 || cooldownSeconds > 0;

  const submit = async () => {
    if (isSubmitClosed || !startExclusive()) return;
    setActivity({ kind: "submitting", phase: "queued", queuePosition: null, estimateSeconds: null, isTakingLonger: false });
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
    for (let failures = 0, seen: "queued" | "running" = "queued", hasSeenLonger = false; failures < MAX_POLL_FAILURES; ) {
      const asked = Date.now();
      const view = await api.getSubmission(created.data.id, seen, hasSeenLonger);
      if (!view.ok) {
        failures += 1;
        if (failures === MAX_POLL_FAILURES) setError(view.message);
        await new Promise((resolve) => setTimeout(resolve, MIN_POLL_INTERVAL_MS));
        continue;
      }
      failures = 0;
      const { status, queuePosition, estimatedWaitSeconds, isTakingLonger, result: graded, resultAfter: wait } = view.data;
      if (status === "queued" || status === "running") {
        setActivity({ kind: "submitting", phase: status, queuePosition, estimateSeconds: estimatedWaitSeconds, isTakingLonger });
        seen = status;
        hasSeenLonger = isTakingLonger;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, MIN_POLL_INTERVAL_MS - (Date.now() - asked))));
        continue;
      }
      if (graded) {
        setHistorySelectedId(created.data.id);
        show({ kind: "submission", id: created.data.id, result: graded, marksEditor: true });
      }
      if (wait) {
        setHistorySelectedId(created.data.id);
        setShown({ kind: "submission", id: created.data.id, result: null, resultAfter: wait, marksEditor: true });
        setAnnouncement(describeResultAfter(wait, tw, locale));
        setPhoneTab("results");
      }
      break;
    }
    finish();
    router.refresh();
  };

  // A verdict moves the student to it (show() also selects the Results tab on a phone): focus, and
  // with it the scroll, goes to its heading once the panel has rendered.
  useEffect(() => {
    if (verdictCount === 0) return;
    const frame = requestAnimationFrame(() => resultsRef.current?.querySelector<HTMLElement>('[data-testid="verdict-heading"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [verdictCount]);

  // Ctrl/⌘+Enter runs and Ctrl/⌘+Shift+Enter submits from anywhere on the page; the editor
  // handles (and stops) its own.
  const shortcuts = useRef({ run, submit });
  useEffect(() => {
    shortcuts.current = { run, submit };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      void (event.shiftKey ? shortcuts.current.submit() : shortcuts.current.run());
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const chronological = numberSubmissions(props.history);
  const shownSubmission = shown?.kind === "submission" ? (props.history.find((s) => s.id === shown.id) ?? null) : null;
  const shownResult = shown?.kind === "run" ? shown.result : (shown?.result ?? shownSubmission?.result ?? null);
  // A Submit graded before its score's release: just made (the poll said what it waits for), or
  // one of the history's, which reads "submitted".
  const shownResultAfter =
    shown?.kind === "submission" ? (shown.resultAfter ?? (shownSubmission?.status === "submitted" ? props.scoresAfter : null)) : null;
  const shownLabel =
    shown?.kind === "run"
      ? t.sampleRun
      : shownSubmission
        ? `${t.submission} · ${format(tw.submissionNumber, { n: chronological.indexOf(shownSubmission) + 1 })}`
        : t.submission;
  const errorMarker = useMemo(() => {
    const found = shownResult && shown?.marksEditor ? findErrorLine(shownResult) : null;
    return found ? { line: found.line, message: renderMessage(found.message, locale) } : null;
  }, [shownResult, shown?.marksEditor, locale]);

  const selectSubmission = (id: string) => {
    setHistorySelectedId(id);
    setShown({ kind: "submission", id, result: null, marksEditor: props.history.find((s) => s.id === id)?.code === code });
  };
  const phonePanel = (tab: TPhoneTab) =>
    isDesktop ? {} : { role: "tabpanel", id: `${ids}-panel-${tab}`, "aria-labelledby": `${ids}-tab-${tab}` };
  const shownOnPhone = (tab: TPhoneTab) => (phoneTab === tab ? "" : "max-lg:hidden");
  const submitBlocker =
    attemptsLeft === 0 && props.attempts.max !== null
      ? format(t.attemptsUsedUp, { max: props.attempts.max })
      : cooldownSeconds > 0
        ? format(t.cooldown, { seconds: cooldownSeconds })
        : null;

  return (
    <div className="flex flex-col gap-4">
      <p role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="results-announcement">
        {announcement}
      </p>
      <div role="tablist" aria-label={t.viewsLabel} className="flex border-b border-slate-300 lg:hidden">
        {(["task", "code", "results"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${ids}-tab-${name}`}
            aria-selected={phoneTab === name}
            aria-controls={`${ids}-panel-${name}`}
            onClick={() => setPhoneTab(name)}
            className={`-mb-px flex-1 border-b-2 px-3 py-2 text-sm font-medium ${phoneTab === name ? "border-blue-800 text-blue-900" : "border-transparent text-slate-700"}`}
          >
            {name === "task" ? t.statement : name === "code" ? t.tabCode : t.results}
          </button>
        ))}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 lg:items-start">
        <div {...phonePanel("task")} className={`flex min-w-0 flex-col gap-4 ${shownOnPhone("task")}`}>
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

        {/* First on a phone, so Run and Submit stay at hand under every tab; beside the statement,
            as tall as the viewport, on a desktop. */}
        <div className="order-first flex min-w-0 flex-col gap-3 lg:sticky lg:top-2 lg:order-none lg:h-[calc(100dvh-1rem)]">
          {props.deadlineNotice ? <FormAlert kind="error" message={props.deadlineNotice} /> : null}
          <div className="flex flex-wrap items-center gap-2" data-testid="workspace-toolbar">
            <button
              type="button"
              onClick={() => void run()}
              disabled={activity.kind !== "idle"}
              aria-keyshortcuts="Control+Enter Meta+Enter"
              className="rounded-md border border-blue-800 px-4 py-2 font-medium text-blue-900 hover:bg-blue-50 disabled:opacity-60"
            >
              {activity.kind === "running" ? t.running : t.run}
              <kbd aria-hidden="true" className="ml-2 font-sans text-xs font-normal">
                {modifier}+↵
              </kbd>
            </button>
            <button
              type="button"
              onClick={() => void submit()}
              disabled={activity.kind !== "idle" || isSubmitClosed}
              aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
              aria-describedby={`${ids}-attempts`}
              className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
            >
              {activity.kind === "submitting" ? t.submitting : t.submit}
              <kbd aria-hidden="true" className="ml-2 font-sans text-xs font-normal">
                {modifier}+⇧+↵
              </kbd>
            </button>
            <span id={`${ids}-attempts`} data-testid="attempts" className="text-sm text-slate-800">
              {submitBlocker ?? (attemptsLeft !== null && props.attempts.max !== null ? format(t.attemptsLeft, { left: attemptsLeft, max: props.attempts.max }) : null)}
            </span>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t.resetConfirm)) setCode(props.starter);
              }}
              className="rounded-md px-3 py-2 text-sm text-slate-800 underline"
            >
              {t.reset}
            </button>
            <span className="ml-auto flex items-center gap-2 text-sm">
              <DraftSaveStatus state={autosave.state} />
              <span className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-800">Python 3</span>
            </span>
          </div>
          {error ? <FormAlert kind="error" message={error} /> : null}
          {/* A live region present before the progress appears in it, so screen readers announce it. */}
          <div role="status" aria-live="polite" data-testid="grading-progress-region">
            {activity.kind === "submitting" ? <GradingProgress phase={activity.phase} queuePosition={activity.queuePosition} estimateSeconds={activity.estimateSeconds} isTakingLonger={activity.isTakingLonger} /> : null}
            {activity.kind === "running" ? <GradingProgress phase="running" /> : null}
          </div>

          <div {...phonePanel("code")} className={`flex min-h-0 flex-col gap-1 max-lg:h-[65dvh] lg:min-h-72 lg:flex-1 ${shownOnPhone("code")}`}>
            <div className="min-h-0 flex-1">
              <CodeEditorLazy
                value={code}
                onChange={setCode}
                onRunShortcut={() => void run()}
                onSubmitShortcut={() => void submit()}
                ariaLabel={t.editorLabel}
                errorMarker={errorMarker}
              />
            </div>
            {props.isLoadErrorFree && props.attempts.max !== null ? <p className="text-xs text-slate-700">{t.loadErrorsFree}</p> : null}
          </div>

          <section
            ref={resultsRef}
            {...phonePanel("results")}
            aria-labelledby="results-heading"
            data-testid="results"
            className={`flex min-h-0 flex-col gap-3 lg:max-h-[50%] lg:shrink-0 lg:overflow-y-auto ${shownOnPhone("results")}`}
          >
            <h2 id="results-heading" className="text-lg font-semibold">
              {t.results}
              {shownResult || shownResultAfter ? <span className="ml-2 text-sm font-normal text-slate-600">{shownLabel}</span> : null}
            </h2>
            {shownResult && shown ? (
              <ResultsPanel result={shownResult} caseSource={describeCaseSource(shown, props)} />
            ) : shownResultAfter ? (
              <p data-testid="result-after" className="rounded-md border border-blue-200 bg-blue-50 p-3 text-blue-950">
                {describeResultAfter(shownResultAfter, tw, locale)}
              </p>
            ) : (
              <p className="text-sm text-slate-700">{t.resultsEmpty}</p>
            )}
          </section>
        </div>
      </div>

      <section aria-labelledby="history-heading" data-testid="history" className={shownOnPhone("results")}>
        <h2 id="history-heading" className="text-lg font-semibold">
          {t.history}
        </h2>
        {props.history.length === 0 ? (
          <p className="text-sm text-slate-700">{t.noHistory}</p>
        ) : (
          <SubmissionHistory submissions={props.history} selectedId={historySelectedId} onSelect={selectSubmission} labelledBy="history-heading" />
        )}
      </section>
    </div>
  );
}
