// A labelled input with an optional hint, wired for screen readers.
import type { InputHTMLAttributes } from "react";

export function TextField({ label, hint, id, ...input }: { label: string; hint?: string; id: string } & InputHTMLAttributes<HTMLInputElement>) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        aria-describedby={hintId}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-blue-700"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
