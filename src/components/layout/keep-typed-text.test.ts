import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { KEEP_TYPED_INIT_SCRIPT, takeTypedBeforeHydration } from "./keep-typed-text";

type TListener = (event: { target: unknown }) => void;

/** Runs the inline script in a page of its own: a window, and a document that collects listeners. */
function startPage() {
  const listeners: TListener[] = [];
  const page: Record<string, unknown> = { document: { addEventListener: (type: string, listener: TListener) => type === "input" && listeners.push(listener) } };
  page.window = page;
  runInNewContext(KEEP_TYPED_INIT_SCRIPT, page);
  (globalThis as Record<string, unknown>).window = page;
  const type = (target: { id: string; marked: boolean; value: string; caret: number }) => {
    const element = { id: target.id, value: target.value, selectionStart: target.caret, selectionEnd: target.caret, hasAttribute: (name: string) => target.marked && name === "data-keep-typed" };
    for (const listener of listeners) listener({ target: element });
  };
  return { type };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).window;
});

describe("text typed before hydration", () => {
  it("is kept for the marked textarea it was typed into, caret included", () => {
    const page = startPage();
    page.type({ id: "editor", marked: true, value: "def f():\n    ret", caret: 16 });
    page.type({ id: "editor", marked: true, value: "def f():\n    return 1", caret: 21 });
    page.type({ id: "search", marked: false, value: "conv", caret: 4 });
    expect(takeTypedBeforeHydration("editor")).toEqual({ value: "def f():\n    return 1", start: 21, end: 21 });
  });

  it("is given out once: after the first editor has hydrated, nothing more is recorded", () => {
    const page = startPage();
    expect(takeTypedBeforeHydration("editor")).toBeNull();
    page.type({ id: "editor", marked: true, value: "typed after hydration", caret: 5 });
    // the editor of the next page (client-side navigation, same generated id) gets nothing
    expect(takeTypedBeforeHydration("editor")).toBeNull();
  });

  it("is nothing for a textarea nobody typed into", () => {
    const page = startPage();
    page.type({ id: "other", marked: true, value: "x", caret: 1 });
    expect(takeTypedBeforeHydration("editor")).toBeNull();
  });
});
