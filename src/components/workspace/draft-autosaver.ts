// The scheduling behind draft autosave, kept free of React so it can be unit-tested: a debounce,
// at most one save in flight, and the latest text saved next when edits arrive mid-save.

export type TSaveDraftResult = { ok: true; savedAt: string } | { ok: false; message: string };
export type TSaveDraft = (code: string) => Promise<TSaveDraftResult>;

export type TDraftSaveState =
  /** nothing changed since the page loaded */
  | { kind: "idle" }
  /** edits are waiting for the typing pause */
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; savedAt: string }
  /** message is null when the save threw (network down, server action failed) rather than answering */
  | { kind: "failed"; message: string | null };

export interface TDraftAutosaver {
  /** Records the editor's current text and restarts the pause timer. */
  update(code: string): void;
  /** Saves now and resolves once nothing is left to save or in flight. */
  flush(): Promise<void>;
  /** Stops the timer and state reports; a save already in flight still finishes. */
  dispose(): void;
}

const DRAFT_SAVE_DELAY_MS = 800;

export function createDraftAutosaver(options: {
  /** the text the server already has */
  initialCode: string;
  save: TSaveDraft;
  onStateChange: (state: TDraftSaveState) => void;
  delayMs?: number;
}): TDraftAutosaver {
  const delayMs = options.delayMs ?? DRAFT_SAVE_DELAY_MS;
  let savedCode = options.initialCode;
  let latestCode = options.initialCode;
  let settledState: TDraftSaveState = { kind: "idle" };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let isSaveQueued = false;
  let isDisposed = false;

  const report = (state: TDraftSaveState) => {
    if (!isDisposed) options.onStateChange(state);
  };

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const startSave = () => {
    clearTimer();
    if (inFlight) {
      isSaveQueued = true;
      return;
    }
    isSaveQueued = false;
    if (latestCode === savedCode) {
      report(settledState);
      return;
    }
    const code = latestCode;
    report({ kind: "saving" });
    // Promise.resolve first, so a save that throws synchronously is reported like one that rejects.
    inFlight = Promise.resolve()
      .then(() => options.save(code))
      .catch((): TSaveDraftResult | null => null)
      .then((result) => {
        inFlight = null;
        if (result?.ok) {
          savedCode = code;
          settledState = { kind: "saved", savedAt: result.savedAt };
        }
        if (isSaveQueued) startSave();
        else if (timer !== null) report({ kind: "pending" });
        else report(result?.ok ? settledState : { kind: "failed", message: result ? result.message : null });
      });
  };

  return {
    update(code) {
      if (isDisposed) return;
      latestCode = code;
      clearTimer();
      if (inFlight) {
        timer = setTimeout(startSave, delayMs);
        return;
      }
      if (code === savedCode) {
        report(settledState);
        return;
      }
      report({ kind: "pending" });
      timer = setTimeout(startSave, delayMs);
    },
    async flush() {
      startSave();
      while (inFlight) await inFlight;
    },
    dispose() {
      clearTimer();
      isDisposed = true;
    },
  };
}
