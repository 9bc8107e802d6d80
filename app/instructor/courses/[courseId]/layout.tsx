import Link from "next/link";
import type { ReactNode } from "react";
import { CourseNav } from "@/components/courses/course-nav";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getCourseOverview } from "@/server/courses/get-course-overview";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";

export default async function CourseLayout({ children, params }: { children: ReactNode; params: Promise<{ courseId: string }> }) {
  const { courseId } = await readPageParams(params);
  const user = await requireUserForPage(`/instructor/courses/${courseId}`);
  const course = await orNotFound(getCourseOverview(db, { user, courseId }));
  const t = instructorMessages(await getLocale());
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t.breadcrumb} className="text-sm">
        <Link href="/instructor" className="text-blue-800 underline">
          {t.allCourses}
        </Link>{" "}
        / <span>{course.title}</span>
      </nav>
      <p className="text-2xl font-semibold text-slate-900">{course.title}</p>
      <CourseNav courseId={courseId} />
      {children}
    </div>
  );
}
