import Link from "next/link";
import { ScoreOverridePanel } from "@/components/overrides/score-override-form";
import { StudentSubmissions } from "@/components/submissions/student-submissions";
import { format } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listStudentExerciseSubmissions } from "@/server/submissions/list-student-exercise-submissions";
import { orNotFound, readPageParams, readSubmissionParam } from "@/server/permissions/page-guards";
import { setScoreOverrideAction } from "../../../../../../../actions";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).student };
}

export default async function StudentSubmissionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; assignmentId: string; studentId: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, assignmentId, studentId, slug } = await readPageParams(params);
  const matrixHref = `/instructor/courses/${courseId}/assignments/${assignmentId}`;
  const user = await requireUserForPage(`${matrixHref}/students/${studentId}/${slug}`);
  const view = await orNotFound(listStudentExerciseSubmissions(db, { user, courseId, assignmentId, studentId, slug }));
  const locale = await getLocale();
  const t = instructorMessages(locale);
  const title = exerciseTitle(view.exercise, locale);
  return (
    <section aria-labelledby="submissions-heading" className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={matrixHref} className="text-blue-800 underline">
          {t.backToMatrix}
        </Link>
      </p>
      <div>
        <h1 id="submissions-heading" className="text-xl font-semibold">
          {format(t.submissionsTitle, { student: view.student.name, exercise: title })}
        </h1>
        <p className="text-sm text-slate-700">
          {view.student.email} · {view.assignment.title}
        </p>
        {view.student.isRemoved ? <p className="text-sm text-amber-900">{t.removedStudentNote}</p> : null}
      </div>
      <ScoreOverridePanel
        target={{ courseId, assignmentId, studentId, slug }}
        points={view.points}
        override={view.override}
        action={view.can.override ? setScoreOverrideAction : null}
      />
      <StudentSubmissions submissions={view.submissions} initialId={readSubmissionParam(await searchParams)} />
    </section>
  );
}
