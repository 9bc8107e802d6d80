// Lets a controlled editor tell late echoes of its own edits from real changes of `value`.
// React renders after Monaco's change events, so during fast typing `value` lags behind the
// editor; writing such a stale echo back into the editor would delete the newest keystrokes.

/** Enough for any realistic render lag; stops the list growing if a parent ignores onChange. */
const MAX_PENDING = 200;

export interface TEditorEchoes {
  /** The editor reported this text through onChange. */
  noteReported: (text: string) => void;
  /** True when `value` is one of the editor's own reports coming back; false for a change from outside. */
  isOwnEcho: (value: string) => boolean;
}

export function createEditorEchoes(): TEditorEchoes {
  let pending: string[] = [];
  return {
    noteReported(text) {
      pending.push(text);
      if (pending.length > MAX_PENDING) pending.shift();
    },
    isOwnEcho(value) {
      const at = pending.indexOf(value);
      if (at < 0) {
        pending = [];
        return false;
      }
      // Reports older than this one can no longer arrive in order.
      pending = pending.slice(at + 1);
      return true;
    },
  };
}
