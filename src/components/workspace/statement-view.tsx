"use client";
// An exercise statement (rendered on the server, see statement-content.tsx), readable in English
// or Simplified Chinese whatever the interface language. Displayed formulas wider than the column
// are scaled down or wrapped to fit (fitDisplayMath); the few that would become too small scroll
// sideways with a visible cue (statement.css, .katex-display[data-scrolls]).
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { LOCALES, type TLocale } from "@/i18n";
import { LANGUAGE_NAMES } from "@/i18n/languages";
import { workspaceMessages } from "@/i18n/workspace";
import { fitDisplayMath } from "./statement-markdown";

export function StatementView({ statements }: { statements: Record<TLocale, ReactNode> }) {
  const interfaceLocale = useLocale();
  const t = workspaceMessages(interfaceLocale);
  const [locale, setLocale] = useState<TLocale>(interfaceLocale);
  const article = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = article.current;
    if (!element) return;
    let fittedWidth = -1;
    const fit = () => {
      // Only a new width needs a new fit: fitting changes the height, which must not fit again.
      if (element.clientWidth === fittedWidth) return;
      fittedWidth = element.clientWidth;
      element.querySelectorAll<HTMLElement>(".katex-display").forEach(fitDisplayMath);
    };
    fit();
    // the column changes width with the window, the phone's rotation and the layout's panels
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [locale]);

  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label={t.statementLanguage} className="flex gap-1 self-end rounded-md border border-slate-300 bg-white p-0.5 text-sm">
        {LOCALES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            aria-pressed={locale === language}
            onClick={() => setLocale(language)}
            className={`rounded px-3 py-1 ${locale === language ? "bg-blue-800 text-white" : "text-slate-800 hover:bg-slate-100"}`}
          >
            {LANGUAGE_NAMES[language]}
          </button>
        ))}
      </div>
      <article
        ref={article}
        lang={locale}
        data-testid="statement"
        className="text-slate-900 [&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-slate-100 [&_:not(pre)>code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em]"
      >
        {statements[locale]}
      </article>
    </div>
  );
}
