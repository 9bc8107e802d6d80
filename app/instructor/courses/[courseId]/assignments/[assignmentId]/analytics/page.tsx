import Link from "next/link";
import { ExerciseAnalytics } from "@/components/grades/exercise-analytics";
import { wordAnalytics } from "@/components/grades/word-analytics";
import { format, formatCount } from "@/i18n";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getExerciseAnalytics } from "@/server/grades/get-exercise-analytics";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).analytics };
}

export default async function AnalyticsPage({ params }: { params: Promise<{ courseId: string; assignmentId: string }> }) {
  const { courseId, assignmentId } = await readPageParams(params);
  const base = `/instructor/courses/${courseId}/assignments/${assignmentId}`;
  const user = await requireUserForPage(`${base}/analytics`);
  const analytics = await orNotFound(getExerciseAnalytics(db, { user, courseId, assignmentId }));
  const locale = await getLocale();
  const t = instructorMessages(locale);
  return (
    <section aria-labelledby="analytics-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id="analytics-heading" className="text-xl font-semibold">
          {format(t.analyticsTitle, { title: analytics.assignment.title })}
        </h1>
        <Link href={base} className="text-sm font-medium text-blue-800 underline">
          {t.progress}
        </Link>
      </div>
      <p className="text-sm text-slate-700">{formatCount(locale, { one: t.analyticsScopeOne, other: t.analyticsScope }, analytics.studentCount)}</p>
      <ExerciseAnalytics exercises={wordAnalytics(analytics, locale)} studentCount={analytics.studentCount} analyticsHref={`${base}/analytics`} />
    </section>
  );
}
