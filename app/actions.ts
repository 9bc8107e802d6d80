"use server";
// Server actions used across pages: sign-out, choosing the interface language, joining a course,
// mailing the address confirmation link again.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { format, isLocale, LOCALE_COOKIE } from "@/i18n";
import { commonMessages } from "@/i18n/common";
import { emailMessages } from "@/i18n/email";
import { getLocale } from "@/i18n/server";
import { VERIFY_EMAIL_EXPIRES_IN_SECONDS } from "@/server/accounts/account-mails";
import { resendVerificationMail } from "@/server/accounts/email-verification";
import { db } from "@/server/db";
import { signOut } from "@/server/accounts/sign-in";
import { runAction, type TActionState } from "@/server/action-state";
import { requireUser } from "@/server/auth/current-user";
import { ZCourseCode } from "@/server/courses/course-code";
import { joinCourse } from "@/server/roster/join-course";

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/sign-in");
}

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  revalidatePath("/", "layout");
}

export async function joinCourseAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const code = ZCourseCode.parse(form.get("code") ?? "");
    const joined = await joinCourse(db, { user, code });
    revalidatePath("/");
    const t = commonMessages(await getLocale());
    return { status: "ok", message: format(joined.alreadyEnrolled ? t.alreadyJoined : t.joined, { title: joined.title }) };
  });
}

export async function resendVerificationAction(): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    await resendVerificationMail(db, { user });
    const t = emailMessages(await getLocale());
    return { status: "ok", message: format(t.resendDone, { email: user.email, hours: VERIFY_EMAIL_EXPIRES_IN_SECONDS / 3600 }) };
  });
}
