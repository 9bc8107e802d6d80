import type { Metadata } from "next";
import localFont from "next/font/local";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { LocaleProvider } from "@/components/layout/locale-provider";
import { SiteHeader } from "@/components/layout/site-header";
import { KEEP_TYPED_INIT_SCRIPT } from "@/components/layout/keep-typed-text";
import { THEME_INIT_SCRIPT } from "@/components/layout/use-color-theme";
import { commonMessages } from "@/i18n/common";
import { getLocale } from "@/i18n/server";
import { db } from "@/server/db";
import { getCurrentUser } from "@/server/auth/current-user";
import { countStaffCourses } from "@/server/courses/count-staff-courses";
import { canManageInstructors } from "@/server/permissions/admin-permissions";
import { canOpenInstructorArea } from "@/server/permissions/course-permissions";
import { setLocaleAction, signOutAction } from "./actions";
import "./globals.css";

// Shipped inside an npm package: next/font/google would fetch from the internet at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = commonMessages(await getLocale());
  return { title: { default: t.appName, template: `%s · ${t.appName}` }, description: t.description };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, user, requestHeaders] = await Promise.all([getLocale(), getCurrentUser(), headers()]);
  // proxy.ts puts a fresh nonce into the request's policy; Next.js puts it on its own scripts.
  const nonce = requestHeaders.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
  const t = commonMessages(locale);
  const showInstructorLink = user ? canOpenInstructorArea(user, await countStaffCourses(db, { userId: user.id })) : false;
  return (
    // The first inline script sets data-theme before React hydrates, hence suppressHydrationWarning;
    // the second keeps text typed into the code editor before hydration (keep-typed-text.ts).
    <html lang={locale} className={inter.variable} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: KEEP_TYPED_INIT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t.skipToContent}
        </a>
        <LocaleProvider locale={locale}>
          <SiteHeader
            user={user}
            locale={locale}
            showInstructorLink={showInstructorLink}
            showAdminLink={user ? canManageInstructors(user) : false}
            signOutAction={signOutAction}
            setLocaleAction={setLocaleAction}
          />
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
        </LocaleProvider>
      </body>
    </html>
  );
}
