import { redirect } from "next/navigation";
import { commonMessages } from "@/i18n/common";
import { getLocale } from "@/i18n/server";
import { ZReturnPath } from "@/server/accounts/account-schemas";
import { getCurrentUser } from "@/server/auth/current-user";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = ZReturnPath.parse((await searchParams).next ?? "/");
  if (await getCurrentUser()) redirect(next);
  const t = commonMessages(await getLocale());
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">{t.signInTitle}</h1>
      <SignInForm next={next} />
    </div>
  );
}
