"use client";
import { useLocale } from "@/components/layout/locale-provider";
import { commonMessages } from "@/i18n/common";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = commonMessages(useLocale());
  return (
    <div role="alert" className="py-12 text-center">
      <h1 className="text-2xl font-semibold">{t.errorTitle}</h1>
      <p className="mt-2 text-slate-700">{t.errorBody}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-blue-800 px-4 py-2 text-white">
        {t.tryAgain}
      </button>
    </div>
  );
}
