import Link from "next/link";
import { redirect } from "next/navigation";
import { FormAlert } from "@/components/ui/form-alert";
import { commonMessages } from "@/i18n/common";
import { emailMessages } from "@/i18n/email";
import { getLocale } from "@/i18n/server";
import { ZReturnPath } from "@/server/accounts/account-schemas";
import { getCurrentUser } from "@/server/auth/current-user";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string }> }) {
  const query = await searchParams;
  const next = ZReturnPath.parse(query.next ?? "/");
  if (await getCurrentUser()) redirect(next);
  const locale = await getLocale();
  const t = commonMessages(locale);
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">{t.signInTitle}</h1>
      {query.reset === "1" ? (
        <div className="mb-4">
          <FormAlert kind="ok" message={emailMessages(locale).passwordChanged} />
        </div>
      ) : null}
      <SignInForm next={next} />
      <p className="mt-4 text-sm">
        <Link className="font-medium text-blue-800 underline" href="/forgot-password">
          {emailMessages(locale).forgotPasswordLink}
        </Link>
      </p>
    </div>
  );
}
