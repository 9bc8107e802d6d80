"use client";
// A switch between the light and the dark theme. The choice is saved in this browser; until the
// reader makes one, the page follows the system's prefers-color-scheme, also when it changes.
import { useEffect } from "react";
import { THEME_STORAGE_KEY, useColorTheme } from "./use-color-theme";

function applyTheme(theme: "light" | "dark") {
  document.documentElement.dataset.theme = theme;
}

export function ThemeToggle({ label }: { label: string }) {
  const theme = useColorTheme();

  useEffect(() => {
    const query = matchMedia("(prefers-color-scheme: dark)");
    const follow = () => {
      if (localStorage.getItem(THEME_STORAGE_KEY) === null) applyTheme(query.matches ? "dark" : "light");
    };
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);

  return (
    <button
      type="button"
      role="switch"
      aria-checked={theme === "dark"}
      onClick={() => {
        const next = theme === "dark" ? "light" : "dark";
        localStorage.setItem(THEME_STORAGE_KEY, next);
        applyTheme(next);
      }}
      className="flex items-center gap-2 rounded border border-slate-400 px-3 py-1 text-sm text-slate-900 hover:bg-slate-100"
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{theme === "dark" ? "☾" : "☀"}</span>
      {label}
    </button>
  );
}
