// Opened from the reset mail's link (?token=…). The token is checked when the form is sent, so
// merely opening the page (mail scanners do) uses nothing up.
import Link from "next/link";
import { emailMessages } from "@/i18n/email";
import { getLocale } from "@/i18n/server";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata() {
  return { title: emailMessages(await getLocale()).resetTitle };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  const t = emailMessages(await getLocale());
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">{t.resetTitle}</h1>
      {typeof token === "string" && token.length > 0 ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <p role="alert" className="mb-4 text-slate-800">
            {t.resetMissingToken}
          </p>
          <Link className="font-medium text-blue-800 underline" href="/forgot-password">
            {t.askNewLink}
          </Link>
        </>
      )}
    </div>
  );
}
