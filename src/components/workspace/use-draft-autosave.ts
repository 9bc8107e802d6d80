// Saves the editor's text as a draft a moment after the student stops typing, and at once when
// the page is hidden or left. Scheduling lives in draft-autosaver.ts; this hook ties it to React.
import { useCallback, useEffect, useRef, useState } from "react";
import { createDraftAutosaver, type TDraftAutosaver, type TDraftSaveState, type TSaveDraft } from "./draft-autosaver";

export function useDraftAutosave({ code, saveDraft }: { code: string; saveDraft: TSaveDraft }): {
  state: TDraftSaveState;
  /** Saves pending edits now, e.g. before grading; resolves when nothing is left to save. */
  flush: () => Promise<void>;
} {
  const [state, setState] = useState<TDraftSaveState>({ kind: "idle" });
  const saveRef = useRef(saveDraft);
  const initialCodeRef = useRef(code);
  const saverRef = useRef<TDraftAutosaver | null>(null);

  useEffect(() => {
    saveRef.current = saveDraft;
  });

  useEffect(() => {
    const saver = createDraftAutosaver({
      initialCode: initialCodeRef.current,
      save: (text) => saveRef.current(text),
      onStateChange: setState,
    });
    saverRef.current = saver;
    // A page being hidden may never be shown again (tab closed, phone locked): save while we still can.
    const flushIfHidden = () => {
      if (document.visibilityState === "hidden") void saver.flush();
    };
    const flushNow = () => void saver.flush();
    document.addEventListener("visibilitychange", flushIfHidden);
    window.addEventListener("pagehide", flushNow);
    return () => {
      document.removeEventListener("visibilitychange", flushIfHidden);
      window.removeEventListener("pagehide", flushNow);
      void saver.flush();
      saver.dispose();
      saverRef.current = null;
    };
  }, []);

  useEffect(() => {
    saverRef.current?.update(code);
  }, [code]);

  const flush = useCallback(() => saverRef.current?.flush() ?? Promise.resolve(), []);
  return { state, flush };
}
