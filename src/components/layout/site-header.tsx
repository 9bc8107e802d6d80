// The top bar: brand, navigation for the user's role, theme, language and sign-out.
import Link from "next/link";
import type { TLocale } from "@/i18n";
import { commonMessages } from "@/i18n/common";
import type { TSessionUser } from "@/server/permissions/roles";
import { LanguageSwitcher } from "./language-switcher";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader({
  user,
  locale,
  showInstructorLink,
  showAdminLink,
  signOutAction,
  setLocaleAction,
}: {
  user: TSessionUser | null;
  locale: TLocale;
  showInstructorLink: boolean;
  showAdminLink: boolean;
  signOutAction: () => Promise<void>;
  setLocaleAction: (locale: string) => Promise<void>;
}) {
  const t = commonMessages(locale);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-blue-900">
          {t.appName}
        </Link>
        <nav aria-label={t.mainNav} className="flex flex-1 items-center gap-4 text-sm">
          {user ? (
            <Link href="/" className="text-slate-800 hover:underline">
              {t.home}
            </Link>
          ) : null}
          {showInstructorLink ? (
            <Link href="/instructor" className="text-slate-800 hover:underline">
              {t.instructor}
            </Link>
          ) : null}
          {showAdminLink ? (
            <Link href="/admin" className="text-slate-800 hover:underline">
              {t.admin}
            </Link>
          ) : null}
        </nav>
        <ThemeToggle label={t.darkTheme} />
        <LanguageSwitcher locale={locale} label={t.language} onChange={setLocaleAction} />
        {user ? (
          <form action={signOutAction} className="flex items-center gap-3 text-sm">
            <span className="text-slate-700" data-testid="signed-in-as">
              {user.name}
            </span>
            <button type="submit" className="rounded border border-slate-400 px-3 py-1 text-slate-900 hover:bg-slate-100">
              {t.signOut}
            </button>
          </form>
        ) : (
          <Link href="/sign-in" className="text-sm font-medium text-blue-800 underline">
            {t.signIn}
          </Link>
        )}
      </div>
    </header>
  );
}
