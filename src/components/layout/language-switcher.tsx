"use client";
// Switches the interface language; the choice is kept in a cookie and the page re-renders.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, type TLocale } from "@/i18n";
import { LANGUAGE_NAMES } from "@/i18n/languages";

export function LanguageSwitcher({ locale, label, onChange }: { locale: TLocale; label: string; onChange: (locale: string) => Promise<void> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{label}</span>
      <select
        className="rounded border border-slate-400 bg-white px-2 py-1 text-slate-900"
        value={locale}
        disabled={pending}
        aria-label={label}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await onChange(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
