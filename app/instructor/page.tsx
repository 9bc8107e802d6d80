import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseForm } from "@/components/courses/course-form";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { db } from "@/server/db";
import { requireUserForPage } from "@/server/auth/current-user";
import { listStaffCourses } from "@/server/courses/list-staff-courses";
import { canCreateCourse, canOpenInstructorArea } from "@/server/permissions/course-permissions";
import { createCourseAction } from "./actions";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).title };
}

export default async function InstructorPage() {
  const user = await requireUserForPage("/instructor");
  const courses = await listStaffCourses(db, { user });
  // Students get the same answer as for a page that does not exist.
  if (!canOpenInstructorArea(user, courses.length)) notFound();
  const t = instructorMessages(await getLocale());
  return (
    <div className="grid gap-8 md:grid-cols-[2fr_1fr]">
      <section aria-labelledby="instructor-heading">
        <h1 id="instructor-heading" className="mb-4 text-2xl font-semibold">
          {t.title}
        </h1>
        <h2 className="mb-2 text-lg font-medium">{t.myCourses}</h2>
        {courses.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <table className="w-full border-collapse bg-white text-left text-sm" data-testid="staff-courses">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t.course}
                </th>
                <th scope="col" className="p-2">
                  {t.joinCode}
                </th>
                <th scope="col" className="p-2">
                  {t.students}
                </th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-medium">
                    <Link href={`/instructor/courses/${c.id}`} className="text-blue-800 underline">
                      {c.title}
                    </Link>
                  </th>
                  <td className="p-2 font-mono">{c.code}</td>
                  <td className="p-2">{c.studentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canCreateCourse(user) ? (
        <aside className="rounded-lg border border-slate-200 bg-white p-4">
          <CourseForm action={createCourseAction} />
        </aside>
      ) : null}
    </div>
  );
}
