"use client";
// A submit button that shows progress and refuses a second click while its action runs.
import type { ReactNode } from "react";

export function PendingButton({
  isPending,
  pendingLabel,
  children,
  variant = "primary",
}: {
  isPending: boolean;
  pendingLabel: string;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
}) {
  const look = {
    primary: "bg-blue-800 text-white hover:bg-blue-900",
    secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
    danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button
      type="submit"
      disabled={isPending}
      aria-disabled={isPending}
      className={`inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-wait disabled:opacity-70 ${look}`}
    >
      {isPending ? pendingLabel : children}
    </button>
  );
}
