// The admin page: who has the instructor role (grant and revoke), every course, and the way to
// the mail outbox. Anyone else gets "not found".
import Link from "next/link";
import { GrantInstructorForm, RevokeInstructorForm } from "@/components/admin/instructor-forms";
import { adminMessages } from "@/i18n/admin";
import { getLocale } from "@/i18n/server";
import { getAdminOverview } from "@/server/admin/get-admin-overview";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { orNotFound } from "@/server/permissions/page-guards";
import { grantInstructorAction, revokeInstructorAction } from "./actions";

export async function generateMetadata() {
  return { title: adminMessages(await getLocale()).title };
}

export default async function AdminPage() {
  const user = await requireUserForPage("/admin");
  const overview = await orNotFound(getAdminOverview(db, { user }));
  const t = adminMessages(await getLocale());
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p>
        <Link href="/admin/outbox" className="font-medium text-blue-800 underline">
          {t.outboxLink}
        </Link>
      </p>
      <section aria-labelledby="instructors-heading" className="flex flex-col gap-3">
        <h2 id="instructors-heading" className="text-lg font-semibold">
          {t.instructorsHeading}
        </h2>
        <p className="text-sm text-slate-700">{t.instructorsIntro}</p>
        {overview.instructors.length === 0 ? (
          <p>{t.noInstructors}</p>
        ) : (
          <table className="text-left text-sm" data-testid="instructors">
            <thead>
              <tr>
                <th scope="col" className="pr-4">
                  {t.name}
                </th>
                <th scope="col" className="pr-4">
                  {t.email}
                </th>
                <td />
              </tr>
            </thead>
            <tbody>
              {overview.instructors.map((person) => (
                <tr key={person.id}>
                  <td className="pr-4">{person.name}</td>
                  <td className="pr-4">{person.email}</td>
                  <td>
                    <RevokeInstructorForm action={revokeInstructorAction} person={person} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <GrantInstructorForm action={grantInstructorAction} />
      </section>
      <section aria-labelledby="courses-heading" className="flex flex-col gap-3">
        <h2 id="courses-heading" className="text-lg font-semibold">
          {t.coursesHeading}
        </h2>
        {overview.courses.length === 0 ? (
          <p>{t.noCourses}</p>
        ) : (
          <table className="text-left text-sm" data-testid="all-courses">
            <thead>
              <tr>
                <th scope="col" className="pr-4">
                  {t.course}
                </th>
                <th scope="col" className="pr-4">
                  {t.code}
                </th>
                <th scope="col" className="pr-4">
                  {t.courseInstructors}
                </th>
                <th scope="col" className="pr-4">
                  {t.students}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.courses.map((course) => (
                <tr key={course.id}>
                  <td className="pr-4">
                    <Link href={`/instructor/courses/${course.id}`} className="text-blue-800 underline">
                      {course.title}
                    </Link>
                  </td>
                  <td className="pr-4 font-mono">{course.code}</td>
                  <td className="pr-4">{course.instructors.join(", ")}</td>
                  <td className="pr-4 tabular-nums">{course.students}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
