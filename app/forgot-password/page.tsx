import { emailMessages } from "@/i18n/email";
import { getLocale } from "@/i18n/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata() {
  return { title: emailMessages(await getLocale()).forgotTitle };
}

export default async function ForgotPasswordPage() {
  const t = emailMessages(await getLocale());
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">{t.forgotTitle}</h1>
      <ForgotPasswordForm />
    </div>
  );
}
