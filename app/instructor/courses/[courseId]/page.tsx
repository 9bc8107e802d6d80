import Link from "next/link";
import { CourseForm } from "@/components/courses/course-form";
import { JoinCodePanel } from "@/components/courses/join-code-panel";
import { format } from "@/i18n";
import { formatDeadline } from "@/i18n/format-time";
import { gradesExportMessages } from "@/i18n/grades-export";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getCourseOverview } from "@/server/courses/get-course-overview";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { regenerateCodeAction, updateCourseAction } from "../../actions";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).overview };
}

export default async function CourseOverviewPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await readPageParams(params);
  const user = await requireUserForPage(`/instructor/courses/${courseId}`);
  const course = await orNotFound(getCourseOverview(db, { user, courseId }));
  const locale = await getLocale();
  const t = instructorMessages(locale);
  const g = gradesExportMessages(locale);
  const base = `/instructor/courses/${courseId}`;
  return (
    <div className="flex flex-col gap-8">
      <h1 className="sr-only">{t.overview}</h1>
      <div className="grid gap-6 md:grid-cols-2">
        {course.can.edit ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <CourseForm action={updateCourseAction} course={{ id: course.id, title: course.title, description: course.description, taMayOverrideScores: course.taMayOverrideScores }} />
          </div>
        ) : (
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">{t.courseSettings}</h2>
            <p className="mt-2 text-slate-800">{course.description}</p>
          </section>
        )}
        <JoinCodePanel courseId={course.id} code={course.code} regenerateAction={course.can.edit ? regenerateCodeAction : null} />
      </div>

      <section aria-labelledby="assignments-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="assignments-heading" className="text-xl font-semibold">
            {t.assignments}
          </h2>
          {course.can.manageAssignments ? (
            <Link href={`${base}/assignments/new`} className="rounded-md bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
              {t.newAssignment}
            </Link>
          ) : null}
        </div>
        {course.assignments.length === 0 ? (
          <p className="text-slate-700">{t.noAssignments}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm" data-testid="course-assignments">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">{t.assignment}</th>
                  <th scope="col" className="p-2">{t.opens}</th>
                  <th scope="col" className="p-2">{t.due}</th>
                  <th scope="col" className="p-2">{t.latePolicy}</th>
                  <th scope="col" className="p-2">{t.exercises}</th>
                  <th scope="col" className="p-2">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {course.assignments.map((a) => (
                  <tr key={a.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="p-2 font-medium">
                      <Link href={`${base}/assignments/${a.id}`} className="text-blue-800 underline">
                        {a.title}
                      </Link>
                    </th>
                    <td className="p-2">{formatDeadline(a.opensAt, a.timeZone, locale)}</td>
                    <td className="p-2">{formatDeadline(a.dueAt, a.timeZone, locale)}</td>
                    <td className="p-2">{a.allowLate ? format(t.latePenaltyShort, { penalty: Math.round(a.latePenaltyPerDay * 1000) / 10 }) : t.lateNotAccepted}</td>
                    <td className="p-2">{a.exerciseCount}</td>
                    <td className="p-2">
                      <ul className="flex flex-wrap gap-x-3">
                        <li>
                          <Link href={`${base}/assignments/${a.id}`} className="text-blue-800 underline">
                            {t.progress}
                            <span className="sr-only">: {a.title}</span>
                          </Link>
                        </li>
                        <li>
                          <Link href={`${base}/assignments/${a.id}/analytics`} className="text-blue-800 underline">
                            {t.analytics}
                            <span className="sr-only">: {a.title}</span>
                          </Link>
                        </li>
                        {course.can.manageAssignments ? (
                          <li>
                            <Link href={`${base}/assignments/${a.id}/edit`} className="text-blue-800 underline">
                              {t.edit}
                              <span className="sr-only">: {a.title}</span>
                            </Link>
                          </li>
                        ) : null}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {course.can.exportGrades ? (
          <div className="flex flex-col gap-1">
            <p>
              <a href={`/api/instructor/courses/${course.id}/grades`} download className="font-medium text-blue-800 underline" data-testid="export-grades">
                {t.exportGrades}
              </a>
            </p>
            <p className="text-sm text-slate-700">{t.exportGradesHint}</p>
            <details className="text-sm" data-testid="grades-formats">
              <summary className="cursor-pointer font-medium text-blue-800">{g.heading}</summary>
              <dl className="mt-2 flex flex-col gap-2">
                {(["canvas", "moodle", "generic"] as const).map((format) => (
                  <div key={format}>
                    <dt>
                      <a href={`/api/instructor/courses/${course.id}/grades?format=${format}`} download className="font-medium text-blue-800 underline">
                        {g[format]}
                      </a>
                    </dt>
                    <dd className="text-slate-700">{g[`${format}Hint`]}</dd>
                  </div>
                ))}
              </dl>
              <p className="mt-2 text-slate-700">{g.cells}</p>
            </details>
          </div>
        ) : null}
      </section>
    </div>
  );
}
