"use client";
// Makes the request's locale available to client components.
import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE, type TLocale } from "@/i18n";

const LocaleContext = createContext<TLocale>(DEFAULT_LOCALE);

export function LocaleProvider({ locale, children }: { locale: TLocale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): TLocale {
  return useContext(LocaleContext);
}
