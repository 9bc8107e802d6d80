import Link from "next/link";
import { ExtensionsPanel } from "@/components/extensions/extensions-panel";
import { ProgressMatrix } from "@/components/grades/progress-matrix";
import { format } from "@/i18n";
import { formatDeadline } from "@/i18n/format-time";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { similarityMessages } from "@/i18n/similarity";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getProgressMatrix } from "@/server/grades/get-progress-matrix";
import { listExtensions } from "@/server/extensions/list-extensions";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { ResultsRelease } from "@/components/grades/results-release";
import { grantExtensionsAction, removeExtensionAction, setResultsPublishedAction } from "../../../../actions";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).progress };
}

export default async function ProgressPage({ params }: { params: Promise<{ courseId: string; assignmentId: string }> }) {
  const { courseId, assignmentId } = await readPageParams(params);
  const base = `/instructor/courses/${courseId}/assignments/${assignmentId}`;
  const user = await requireUserForPage(base);
  const matrix = await orNotFound(getProgressMatrix(db, { user, courseId, assignmentId }));
  const extensions = await listExtensions(db, { user, courseId, assignmentId });
  const locale = await getLocale();
  const t = instructorMessages(locale);
  return (
    <section aria-labelledby="matrix-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 id="matrix-heading" className="text-xl font-semibold">
            {format(t.matrixTitle, { title: matrix.assignment.title })}
          </h1>
          <p className="text-sm text-slate-700">{format(t.dueOn, { date: formatDeadline(matrix.assignment.dueAt, matrix.assignment.timeZone, locale) })}</p>
        </div>
        <div className="flex gap-4">
          <Link href={`${base}/analytics`} className="text-sm font-medium text-blue-800 underline">
            {t.analytics}
          </Link>
          <Link href={`${base}/similarity`} className="text-sm font-medium text-blue-800 underline">
            {similarityMessages(locale).link}
          </Link>
        </div>
      </div>
      {matrix.release.scores === "on_publish" || matrix.release.hiddenDetails === "on_publish" || matrix.release.publishedAt ? (
        <ResultsRelease courseId={courseId} assignmentId={assignmentId} timeZone={matrix.assignment.timeZone} release={matrix.release} action={setResultsPublishedAction} />
      ) : null}
      <p className="text-sm text-slate-700">{t.matrixCaption}</p>
      <ProgressMatrix matrix={matrix} submissionsHref={`${base}/students`} />
      <ExtensionsPanel
        courseId={courseId}
        assignmentId={assignmentId}
        timeZone={extensions.timeZone}
        rows={extensions.rows}
        actions={extensions.can.grant ? { grant: grantExtensionsAction, remove: removeExtensionAction } : null}
      />
    </section>
  );
}
