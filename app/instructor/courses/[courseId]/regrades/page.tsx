import Link from "next/link";
import { RegradeForm } from "@/components/regrades/regrade-form";
import { describeRegradeStatus } from "@/components/regrades/regrade-status-label";
import { LocalTime } from "@/components/workspace/local-time";
import { exerciseTitle } from "@/i18n/exercise-title";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listRegradeJobs } from "@/server/regrades/list-regrade-jobs";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { startRegradeAction } from "../../../actions";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).regrades };
}

export default async function RegradesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await readPageParams(params);
  const base = `/instructor/courses/${courseId}/regrades`;
  const user = await requireUserForPage(base);
  const overview = await orNotFound(listRegradeJobs(db, { user, courseId }));
  const locale = await getLocale();
  const t = instructorMessages(locale);
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="regrade-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h1 id="regrade-heading" className="text-xl font-semibold">
          {t.regradeTitle}
        </h1>
        <p className="text-sm text-slate-700">{t.regradeHint}</p>
        {overview.canStart ? (
          <RegradeForm courseId={courseId} exercises={overview.exercises} students={overview.students} action={startRegradeAction} />
        ) : (
          <p className="text-sm text-slate-700">{t.regradeViewOnly}</p>
        )}
      </section>
      <section aria-labelledby="recent-regrades-heading" className="flex flex-col gap-3">
        <h2 id="recent-regrades-heading" className="text-xl font-semibold">
          {t.recentRegrades}
        </h2>
        {overview.jobs.length === 0 ? (
          <p className="text-slate-700">{t.noRegrades}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm" data-testid="regrade-jobs">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">{t.started}</th>
                  <th scope="col" className="p-2">{t.regradeExercise}</th>
                  <th scope="col" className="p-2">{t.regradeStudent}</th>
                  <th scope="col" className="p-2">{t.status}</th>
                  <th scope="col" className="p-2">{t.progressLabel}</th>
                  <th scope="col" className="p-2">{t.changed}</th>
                  <th scope="col" className="p-2">{t.failed}</th>
                </tr>
              </thead>
              <tbody>
                {overview.jobs.map((job) => (
                  <tr key={job.id} className="border-b border-slate-200">
                    <th scope="row" className="p-2 font-normal">
                      <Link href={`${base}/${job.id}`} className="text-blue-800 underline">
                        <LocalTime iso={job.createdAt} />
                      </Link>
                    </th>
                    <td className="p-2">{exerciseTitle(job.exercise, locale)}</td>
                    <td className="p-2">{job.student?.name ?? t.allStudents}</td>
                    <td className="p-2">{describeRegradeStatus(job.status, t)}</td>
                    <td className="p-2 tabular-nums">
                      {job.done} / {job.total}
                    </td>
                    <td className="p-2 tabular-nums">{job.changed}</td>
                    <td className="p-2 tabular-nums">{job.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
