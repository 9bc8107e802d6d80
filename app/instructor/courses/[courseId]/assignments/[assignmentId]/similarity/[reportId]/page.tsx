import Link from "next/link";
import { notFound } from "next/navigation";
import { SimilarityPairs, type TPairRow } from "@/components/similarity/similarity-pairs";
import { SimilaritySideBySide, type TSideFile } from "@/components/similarity/similarity-side-by-side";
import { SimilarityStatus } from "@/components/similarity/similarity-status";
import { format } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { getLocale } from "@/i18n/server";
import { similarityMessages } from "@/i18n/similarity";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { canStartSimilarityReport } from "@/server/permissions/instructor-permissions";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { getMembership } from "@/server/roster/get-membership";
import { getSimilarityReport, type TSimilarityStudent } from "@/server/similarity/get-similarity-report";
import { DEFAULT_SIMILARITY_THRESHOLD, STORED_SIMILARITY_FLOOR } from "@/server/similarity/similarity-threshold";
import { cancelSimilarityAction } from "../../../../../../similarity-actions";

export async function generateMetadata() {
  return { title: similarityMessages(await getLocale()).title };
}

const ERROR_TEXT = { similarityParserMissing: "parserMissing", similarityServerError: "serverError", similarityInterrupted: "interrupted" } as const;

export default async function SimilarityReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; assignmentId: string; reportId: string }>;
  searchParams: Promise<{ pair?: string | string[] }>;
}) {
  const { courseId, assignmentId, reportId } = await readPageParams(params);
  const listHref = `/instructor/courses/${courseId}/assignments/${assignmentId}/similarity`;
  const user = await requireUserForPage(`${listHref}/${reportId}`);
  const { pair } = await searchParams;
  const pairId = typeof pair === "string" && /^[\w-]{1,64}$/.test(pair) ? pair : undefined;
  const report = await orNotFound(getSimilarityReport(db, { user, courseId, reportId, pairId }));
  // A report is reached through its own assignment's pages only.
  if (report.assignmentId !== assignmentId) notFound();
  const locale = await getLocale();
  const t = similarityMessages(locale);
  const membership = await getMembership(db, { userId: user.id, courseId });
  const studentOf = new Map(report.students.map((student) => [student.entryId, student]));
  const person = (student: TSimilarityStudent) => ({ name: student.name, course: student.otherCourse?.title ?? null });
  const rows: TPairRow[] = report.pairs.map((p) => ({ ...p, left: person(studentOf.get(p.leftEntryId)!), right: person(studentOf.get(p.rightEntryId)!) }));
  const historyHref = (student: TSimilarityStudent) => {
    const where = student.otherCourse ? { course: student.otherCourse.id, assignment: student.otherCourse.assignmentId } : { course: courseId, assignment: assignmentId };
    return where.assignment ? `/instructor/courses/${where.course}/assignments/${where.assignment}/students/${student.userId}/${report.exercise.slug}` : null;
  };
  const side = (entryId: string, code: string): TSideFile => {
    const student = studentOf.get(entryId)!;
    return { ...person(student), code, historyHref: historyHref(student) };
  };
  const clusters = new Map<number, TSimilarityStudent[]>();
  for (const student of report.students) if (student.cluster !== null) clusters.set(student.cluster, [...(clusters.get(student.cluster) ?? []), student]);
  const threshold = Math.round(DEFAULT_SIMILARITY_THRESHOLD * 100);
  const errorKey = report.errorKey && report.errorKey in ERROR_TEXT ? ERROR_TEXT[report.errorKey as keyof typeof ERROR_TEXT] : null;
  return (
    <section aria-labelledby="report-heading" className="flex flex-col gap-5">
      <p className="text-sm">
        <Link href={listHref} className="text-blue-800 underline">
          {t.backToList}
        </Link>
      </p>
      <div className="flex flex-col gap-1">
        <h1 id="report-heading" className="text-xl font-semibold">
          {format(t.reportTitle, { exercise: exerciseTitle(report.exercise, locale) })}
        </h1>
        <p className="text-sm text-slate-700">
          {report.requestedBy
            ? format(t.requestedBy, { name: report.requestedBy, date: `${report.createdAt.slice(0, 16).replace("T", " ")} UTC` })
            : format(t.requestedAuto, { date: `${report.createdAt.slice(0, 16).replace("T", " ")} UTC` })}
        </p>
        {report.comparisonCourses.length > 0 ? (
          <p className="text-sm text-slate-700">{format(t.comparedWith, { courses: report.comparisonCourses.map((c) => c.title).join(", ") })}</p>
        ) : null}
      </div>
      <p className="max-w-4xl rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800" data-testid="similarity-explanation">
        {t.explanation}
      </p>
      <SimilarityStatus
        report={{ id: report.id, courseId, assignmentId, status: report.status, total: report.total, done: report.done }}
        cancel={canStartSimilarityReport(user, membership) ? cancelSimilarityAction : null}
      />
      {errorKey ? (
        <p role="alert" className="max-w-4xl rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          {t[errorKey]}
        </p>
      ) : null}
      {report.status === "done" ? (
        <>
          <SimilarityPairs pairs={rows} floor={STORED_SIMILARITY_FLOOR} initialThreshold={DEFAULT_SIMILARITY_THRESHOLD} baseHref={`${listHref}/${reportId}`} />
          <section aria-labelledby="clusters-heading" className="flex flex-col gap-2">
            <h2 id="clusters-heading" className="text-lg font-semibold">
              {t.clustersHeading}
            </h2>
            <p className="text-sm text-slate-700">{format(t.clustersNote, { percent: threshold })}</p>
            {clusters.size === 0 ? (
              <p className="text-sm text-slate-700">{format(t.noClusters, { percent: threshold })}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm" data-testid="similarity-clusters">
                {[...clusters].sort(([a], [b]) => a - b).map(([number, members]) => (
                  <li key={number}>
                    <span className="font-medium">{format(t.cluster, { number })}</span>{" "}
                    {members.map((member) => (member.otherCourse ? `${member.name} (${format(t.fromCourse, { course: member.otherCourse.title })})` : member.name)).join(", ")}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {report.selected ? (
            <SimilaritySideBySide
              left={side(report.selected.leftEntryId, report.selected.leftCode)}
              right={side(report.selected.rightEntryId, report.selected.rightCode)}
              similarity={report.selected.similarity}
              fragments={report.selected.fragments}
              locale={locale}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
