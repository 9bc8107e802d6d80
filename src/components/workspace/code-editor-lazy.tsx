"use client";
// The code editor as pages use it: a plain textarea from the first paint, replaced by Monaco once
// its bundle has loaded, so the page is usable at once and still usable if Monaco never loads.
// The textarea is in the server's HTML and takes typing before the page has hydrated: what was
// typed is kept (keep-typed-text.ts).
import dynamic from "next/dynamic";
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { takeTypedBeforeHydration } from "@/components/layout/keep-typed-text";
import { useLocale } from "@/components/layout/locale-provider";
import { workspaceMessages } from "@/i18n/workspace";
import type { TCodeEditorProps, TMonacoReadyHandle } from "./code-editor";

/**
 * For end-to-end tests and support scripts: `window.__convlabEditor.setValue(code)` replaces the
 * whole text exactly as typing would (through onChange, so autosave and "Run" see it), whether
 * the textarea or Monaco is showing. Typing into Monaco would be altered by auto-indent and bracket closing.
 */
export interface TEditorTestHandle {
  setValue: (code: string) => void;
  getValue: () => string;
  isMonacoReady: () => boolean;
}

declare global {
  interface Window {
    __convlabEditor?: TEditorTestHandle;
  }
}

// If Monaco's chunk fails to load, the textarea simply stays.
const KeepTextarea = () => null;

const MonacoCodeEditor = dynamic(
  () =>
    import("./code-editor")
      .then((module) => module.CodeEditor)
      .catch(() => KeepTextarea),
  { ssr: false, loading: () => null },
);

function useEditorTestHandle(value: string, onChange: (value: string) => void, isMonacoReady: boolean) {
  const latest = useRef({ value, onChange, isMonacoReady });
  useEffect(() => {
    latest.current = { value, onChange, isMonacoReady };
  });
  useEffect(() => {
    const handle: TEditorTestHandle = {
      setValue: (code) => latest.current.onChange(code),
      getValue: () => latest.current.value,
      isMonacoReady: () => latest.current.isMonacoReady,
    };
    window.__convlabEditor = handle;
    return () => {
      if (window.__convlabEditor === handle) delete window.__convlabEditor;
    };
  }, []);
}

export function CodeEditorLazy(props: TCodeEditorProps) {
  const { value, onChange, onRunShortcut, onSubmitShortcut, ariaLabel, readOnly = false } = props;
  const t = workspaceMessages(useLocale());
  const hintId = useId();
  const textareaId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [isMonacoReady, setIsMonacoReady] = useState(false);
  useEditorTestHandle(value, onChange, isMonacoReady);

  // Hydration has just set the textarea back to the server's text: put back what the student
  // typed before it, caret included, and let the page know.
  const latestOnChange = useRef(onChange);
  useLayoutEffect(() => {
    latestOnChange.current = onChange;
  });
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    const typed = takeTypedBeforeHydration(textareaId);
    if (!textarea || !typed) return;
    textarea.value = typed.value;
    textarea.setSelectionRange(typed.start, typed.end);
    latestOnChange.current(typed.value);
  }, [textareaId]);

  const handleReady = useCallback((handle: TMonacoReadyHandle) => {
    const textarea = textareaRef.current;
    if (textarea && document.activeElement === textarea) handle.focusAt(textarea.selectionStart);
    setIsMonacoReady(true);
  }, []);

  return (
    <div className="flex h-full flex-col gap-1">
      <div
        data-testid="code-editor"
        data-editor={isMonacoReady ? "monaco" : "textarea"}
        className="relative min-h-48 flex-1 overflow-hidden rounded-md border border-slate-300 bg-white"
      >
        <div className="absolute inset-0">
          <MonacoCodeEditor {...props} describedBy={hintId} onReady={handleReady} />
        </div>
        {isMonacoReady ? null : (
          <>
            <textarea
              ref={textareaRef}
              id={textareaId}
              data-keep-typed=""
              value={value}
              onChange={(event) => onChange(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  if (event.shiftKey) onSubmitShortcut();
                  else onRunShortcut();
                }
              }}
              readOnly={readOnly}
              aria-label={ariaLabel}
              aria-describedby={hintId}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              wrap="off"
              className="absolute inset-0 z-10 resize-none bg-white p-3 font-mono text-sm leading-5 text-slate-900"
            />
            <span aria-hidden="true" className="absolute right-2 bottom-2 z-20 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
              {t.editorLoading}
            </span>
          </>
        )}
      </div>
      <p id={hintId} data-testid="editor-hint" className="text-xs text-slate-700">
        {isMonacoReady ? t.editorHintMonaco : t.editorHintPlain}
      </p>
    </div>
  );
}
