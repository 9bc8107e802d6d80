import Link from "next/link";
import { SimilarityStartForm } from "@/components/similarity/similarity-start-form";
import { format } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { getLocale } from "@/i18n/server";
import { similarityMessages } from "@/i18n/similarity";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { loadDolos } from "@/server/similarity/analyze-similarity";
import { listSimilarityReports } from "@/server/similarity/list-similarity-reports";
import { startSimilarityAction } from "../../../../../similarity-actions";

export async function generateMetadata() {
  return { title: similarityMessages(await getLocale()).title };
}

export default async function SimilarityListPage({ params }: { params: Promise<{ courseId: string; assignmentId: string }> }) {
  const { courseId, assignmentId } = await readPageParams(params);
  const base = `/instructor/courses/${courseId}/assignments/${assignmentId}/similarity`;
  const user = await requireUserForPage(base);
  const { assignment, reports, otherCourses, canStart } = await orNotFound(listSimilarityReports(db, { user, courseId, assignmentId }));
  const locale = await getLocale();
  const t = similarityMessages(locale);
  const isParserMissing = (await loadDolos()) instanceof Error;
  return (
    <section aria-labelledby="similarity-heading" className="flex max-w-4xl flex-col gap-4">
      <h1 id="similarity-heading" className="text-xl font-semibold">
        {format(t.listTitle, { title: assignment.title })}
      </h1>
      <p className="text-sm text-slate-800" data-testid="similarity-explanation">
        {t.explanation}
      </p>
      {isParserMissing ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          {t.parserMissing}
        </p>
      ) : null}
      <p className="text-sm text-slate-700">{t.autoNote}</p>
      {canStart ? (
        <SimilarityStartForm
          courseId={courseId}
          assignmentId={assignmentId}
          exercises={assignment.exercises.map((row) => row.exercise)}
          otherCourses={otherCourses}
          action={startSimilarityAction}
        />
      ) : (
        <p className="text-sm text-slate-700">{t.viewOnly}</p>
      )}
      <h2 className="text-lg font-semibold">{t.reports}</h2>
      {reports.length === 0 ? (
        <p className="text-sm text-slate-700">{t.noReports}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="similarity-reports">
          {reports.map((report) => (
            <li key={report.id} className="flex flex-wrap items-baseline gap-3 text-sm">
              <Link href={`${base}/${report.id}`} className="font-medium text-blue-800 underline">
                {exerciseTitle(report.exercise, locale)}
              </Link>
              <span>{format(t[`status_${report.status}`], { done: 0, total: report.total })}</span>
              {report.status === "done" ? <span>{format(t.pairsCount, { count: report._count.pairs })}</span> : null}
              <span className="text-slate-600">
                {report.requestedBy?.name ?? t.byAuto} · {report.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
