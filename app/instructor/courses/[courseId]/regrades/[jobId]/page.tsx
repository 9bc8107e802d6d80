import Link from "next/link";
import { RegradeJobStatus } from "@/components/regrades/regrade-job-status";
import { format } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getRegradeJob } from "@/server/regrades/get-regrade-job";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).regrades };
}

export default async function RegradeJobPage({ params }: { params: Promise<{ courseId: string; jobId: string }> }) {
  const { courseId, jobId } = await readPageParams(params);
  const user = await requireUserForPage(`/instructor/courses/${courseId}/regrades/${jobId}`);
  const job = await orNotFound(getRegradeJob(db, { user, jobId, courseId }));
  const locale = await getLocale();
  const t = instructorMessages(locale);
  const exercise = exerciseTitle(job.exercise, locale);
  return (
    <section aria-labelledby="regrade-job-heading" className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={`/instructor/courses/${courseId}/regrades`} className="text-blue-800 underline">
          {t.backToRegrades}
        </Link>
      </p>
      <div>
        <h1 id="regrade-job-heading" className="text-xl font-semibold">
          {format(t.regradeJobTitle, { exercise })}
        </h1>
        <p className="text-sm text-slate-700">
          {format(t.regradeOf, { scope: job.student ? `${job.student.name} (${job.student.email})` : t.allStudents, name: job.requestedBy })}
        </p>
      </div>
      <RegradeJobStatus initial={job} />
    </section>
  );
}
