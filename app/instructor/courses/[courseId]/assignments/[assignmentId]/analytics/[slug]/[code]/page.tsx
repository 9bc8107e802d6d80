import Link from "next/link";
import { LocalTime } from "@/components/workspace/local-time";
import { wordMistake } from "@/components/grades/word-analytics";
import { format, formatCount } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { instructorMessages } from "@/i18n/instructor";
import { mistakeTitle } from "@/i18n/mistake-titles";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listMistakeStudents, type TMistakeState } from "@/server/grades/list-mistake-students";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).mistakeStudentsLink };
}

const TH = "border-b border-slate-300 p-2 text-left";
const TD = "border-b border-slate-100 p-2";

/** The students who made one diagnosed mistake on one exercise, linked to their submissions. */
export default async function MistakeStudentsPage({
  params,
}: {
  params: Promise<{ courseId: string; assignmentId: string; slug: string; code: string }>;
}) {
  const { courseId, assignmentId, slug, code } = await readPageParams(params);
  const base = `/instructor/courses/${courseId}/assignments/${assignmentId}`;
  const user = await requireUserForPage(`${base}/analytics/${slug}/${code}`);
  const view = await orNotFound(listMistakeStudents(db, { user, courseId, assignmentId, slug, code }));
  const locale = await getLocale();
  const t = instructorMessages(locale);
  const worded = view.message ? wordMistake(code, view.message, locale) : null;
  const title = worded?.title ?? mistakeTitle(code, locale) ?? code;
  const stateText: Record<TMistakeState, string> = { still: t.stillMakingYes, gone: t.stillMakingNo, passed: t.stillMakingPassed };
  return (
    <section aria-labelledby="mistake-heading" className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={`${base}/analytics`} className="text-blue-800 underline">
          {t.backToAnalytics}
        </Link>
      </p>
      <div className="flex flex-col gap-1">
        <h1 id="mistake-heading" className="text-xl font-semibold">
          {format(t.mistakeStudentsTitle, { mistake: title, exercise: exerciseTitle(view.exercise, locale) })}
        </h1>
        {worded ? <p className="text-slate-800">{worded.text}</p> : null}
        <p className="text-sm text-slate-700">
          {format(t.mistakeStudentsScope, { assignment: view.assignment.title })} <code className="text-xs">{code}</code>
        </p>
      </div>
      {view.students.length === 0 ? (
        <p className="text-slate-700">{t.mistakeStudentsNone}</p>
      ) : (
        <>
          <p className="text-sm font-medium">{formatCount(locale, { one: t.mistakeStudentsCountOne, other: t.mistakeStudentsCount }, view.students.length)}</p>
          <div className="overflow-x-auto">
            <table className="text-sm" data-testid="mistake-students">
              <thead>
                <tr>
                  <th scope="col" className={TH}>{t.student}</th>
                  <th scope="col" className={TH}>{t.timesMade}</th>
                  <th scope="col" className={TH}>{t.latestWithMistake}</th>
                  <th scope="col" className={TH}>{t.stillMaking}</th>
                </tr>
              </thead>
              <tbody>
                {view.students.map((student) => (
                  <tr key={student.userId}>
                    <th scope="row" className={`${TD} text-left font-medium`}>
                      <span className="block">{student.name}</span>
                      <span className="block font-normal text-slate-700">{student.email}</span>
                    </th>
                    <td className={`${TD} tabular-nums`}>{student.submissions}</td>
                    <td className={TD}>
                      <Link
                        href={`${base}/students/${student.userId}/${slug}?submission=${student.latest.submissionId}`}
                        className="text-blue-800 underline"
                      >
                        <LocalTime iso={student.latest.receivedAt} />
                        <span className="sr-only">
                          {" "}
                          {t.openSubmissions}: {student.name}
                        </span>
                      </Link>
                    </td>
                    <td className={TD}>{stateText[student.state]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
