import Link from "next/link";
import { VerifyEmailNotice } from "@/components/accounts/verify-email-notice";
import { AssignmentList } from "@/components/assignments/assignment-list";
import { JoinCourseForm } from "@/components/roster/join-course-form";
import { commonMessages } from "@/i18n/common";
import { homeMessages } from "@/i18n/home";
import { getLocale } from "@/i18n/server";
import { isEmailVerified } from "@/server/accounts/email-verification";
import { listStudentAssignments } from "@/server/assignments/list-student-assignments";
import { getCurrentUser } from "@/server/auth/current-user";
import { listMyCourses } from "@/server/courses/list-my-courses";
import { db } from "@/server/db";
import { joinCourseAction, resendVerificationAction } from "./actions";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ course?: string | string[] }> }) {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale()]);
  const t = commonMessages(locale);
  if (!user) {
    return (
      <div className="mx-auto max-w-2xl py-12 text-center">
        <h1 className="text-3xl font-bold text-blue-950">{t.appName}</h1>
        <p className="mt-4 text-lg text-slate-700">{t.tagline}</p>
        <div className="mt-8 flex justify-center gap-4">
          <Link href="/sign-in" className="rounded-md bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900">
            {t.signIn}
          </Link>
          <Link href="/sign-up" className="rounded-md border border-blue-800 px-5 py-2 font-medium text-blue-900 hover:bg-blue-50">
            {t.signUp}
          </Link>
        </div>
      </div>
    );
  }
  const [courses, assignments, isVerified] = await Promise.all([
    listMyCourses(db, { userId: user.id }),
    listStudentAssignments(db, { userId: user.id }),
    isEmailVerified(db, { userId: user.id }),
  ]);
  const th = homeMessages(locale);
  // A student's course card links here with ?course=<id>: the assignments of that course only.
  const { course: courseParam } = await searchParams;
  const chosen = courses.find((c) => c.id === courseParam);
  const shown = chosen ? assignments.filter((a) => a.courseId === chosen.id) : assignments;
  const roleLabel = { student: t.roleStudent, ta: t.roleTa, instructor: t.roleInstructor };
  return (
    <div className="grid gap-8 md:grid-cols-[2fr_1fr]">
      <section aria-labelledby="my-courses-heading">
        <h1 id="my-courses-heading" className="mb-4 text-2xl font-semibold">
          {t.myCourses}
        </h1>
        {courses.length === 0 ? (
          <p className="text-slate-700">{t.noCourses}</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="course-list">
            {courses.map((course) => (
              <li key={course.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <Link
                  href={course.role === "student" ? `/?course=${encodeURIComponent(course.id)}#assignments` : `/instructor/courses/${encodeURIComponent(course.id)}`}
                  className="text-lg font-medium text-blue-900 underline"
                >
                  {course.title}
                </Link>
                <p className="text-sm text-slate-600">{roleLabel[course.role]}</p>
              </li>
            ))}
          </ul>
        )}
        <h2 id="assignments" className="mb-3 mt-8 text-xl font-semibold">
          {chosen ? `${th.assignments}: ${chosen.title}` : th.assignments}
        </h2>
        {chosen ? (
          <p className="mb-3 text-sm">
            <Link href="/#assignments" className="text-blue-800 underline">
              {th.allAssignments}
            </Link>
          </p>
        ) : null}
        <AssignmentList assignments={shown} locale={locale} />
      </section>
      <aside className="flex flex-col gap-4 self-start rounded-lg border border-slate-200 bg-white p-4">
        {isVerified ? null : <VerifyEmailNotice email={user.email} resendAction={resendVerificationAction} />}
        <JoinCourseForm action={joinCourseAction} />
      </aside>
    </div>
  );
}
