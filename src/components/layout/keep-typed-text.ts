// Text typed before the page's JavaScript has hydrated must not be lost. The server renders the
// code editor's textarea, so a student can type as soon as it shows; but when React hydrates a
// textarea it sets the element's value back to the server's text. This inline script (in the root
// layout's <head>, so it runs before anything can be typed) remembers what was typed into any
// textarea marked `data-keep-typed`, and the editor takes it over once it has hydrated.

interface TTypedText {
  value: string;
  start: number;
  end: number;
}

declare global {
  interface Window {
    __convlabTyped?: Record<string, TTypedText | undefined>;
  }
}

export const KEEP_TYPED_INIT_SCRIPT = `window.__convlabTyped={};document.addEventListener("input",function(e){var s=window.__convlabTyped,t=e.target;if(s&&t&&t.id&&t.hasAttribute&&t.hasAttribute("data-keep-typed"))s[t.id]={value:t.value,start:t.selectionStart,end:t.selectionEnd}},true)`;

/**
 * What was typed into the textarea `id` before the page hydrated. The first call also ends the
 * recording: later editors (after a client-side navigation, with the same generated ids) must not
 * get text typed on another page.
 */
export function takeTypedBeforeHydration(id: string): TTypedText | null {
  const typed = window.__convlabTyped?.[id] ?? null;
  window.__convlabTyped = undefined;
  return typed;
}
