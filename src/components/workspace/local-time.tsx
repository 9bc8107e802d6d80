"use client";
// A timestamp in the reader's own time zone. The server cannot know that zone, so the text is
// filled in only once the page runs in the browser, instead of showing the server's clock time.
import { useSyncExternalStore } from "react";
import { useLocale } from "@/components/layout/locale-provider";

const subscribeToNothing = () => () => {};

export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const locale = useLocale();
  const isBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  return (
    <time dateTime={iso} className={className}>
      {isBrowser ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : null}
    </time>
  );
}
