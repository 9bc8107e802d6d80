// The language of a mail: the requester's interface language at the time of the request (their
// cookie, else their browser's Accept-Language), as for the pages.
import "server-only";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type TLocale } from "@/i18n";
import { getLocale } from "@/i18n/server";

function localeFromHeaders(headers: Headers): TLocale {
  const cookie = headers.get("cookie") ?? "";
  const chosen = cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  const decoded = chosen === undefined ? undefined : decodeURIComponent(chosen);
  return isLocale(decoded) ? decoded : localeFromAcceptLanguage(headers.get("accept-language"));
}

/**
 * better-auth hands its mail callbacks the HTTP request when one came through /api/auth; calls
 * from server actions carry none, and there Next.js's own request headers answer.
 */
export async function localeOfMailRequest(request: Request | undefined): Promise<TLocale> {
  if (request) return localeFromHeaders(request.headers);
  try {
    return await getLocale();
  } catch {
    // Outside any request (a script): the default language.
    return DEFAULT_LOCALE;
  }
}
