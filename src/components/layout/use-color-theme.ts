"use client";
// The colour theme in force, read from <html data-theme>, which the root layout's inline script
// sets before the first paint (the saved choice, else prefers-color-scheme) and ThemeToggle
// changes. Monaco, which has its own themes, follows it through this hook.
import { useSyncExternalStore } from "react";

export type TColorTheme = "light" | "dark";

/** localStorage key of an explicit choice; without one the system's preference decides. */
export const THEME_STORAGE_KEY = "convlab-theme";

/** Runs inline in <head> before anything paints, so a dark page never flashes light. */
export const THEME_INIT_SCRIPT = `try{var s=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});document.documentElement.dataset.theme=s==="dark"||s==="light"?s:matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}catch(e){}`;

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

const readTheme = (): TColorTheme => (document.documentElement.dataset.theme === "dark" ? "dark" : "light");

export function useColorTheme(): TColorTheme {
  return useSyncExternalStore(subscribe, readTheme, () => "light");
}
