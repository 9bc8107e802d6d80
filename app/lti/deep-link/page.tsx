// The content picker of an LMS deep-linking request: one of the course's assignments, or a new
// one from an exercise. Each choice posts to /api/lti/deep-link, which answers the LMS.
import { notFound } from "next/navigation";
import { format } from "@/i18n";
import { ltiMessages } from "@/i18n/lti";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { readAssignmentPoints, readDeepLinkRequestToken } from "@/server/lti/deep-linking";
import { canLinkLtiContent } from "@/server/permissions/lti-permissions";
import { getMembership } from "@/server/roster/get-membership";

export default async function DeepLinkPage({ searchParams }: { searchParams: Promise<{ request?: string }> }) {
  const token = (await searchParams).request;
  if (!token) notFound();
  const user = await requireUserForPage();
  const request = await readDeepLinkRequestToken(db, token).catch(() => null);
  if (!request || request.userId !== user.id) notFound();
  const t = ltiMessages(await getLocale());
  if (!canLinkLtiContent(user, await getMembership(db, { userId: user.id, courseId: request.courseId }))) return <p role="alert">{t.deepLinkForbidden}</p>;
  const course = await db.course.findUniqueOrThrow({ where: { id: request.courseId }, include: { assignments: { orderBy: { dueAt: "asc" } } } });
  const assignments = await Promise.all(course.assignments.map(async (a) => ({ id: a.id, title: a.title, points: await readAssignmentPoints(db, a.id) })));
  const exercises = await db.exercise.findMany({ orderBy: { order: "asc" }, select: { id: true, title: true } });
  const otherCourses = await db.course.findMany({
    where: { id: { not: course.id }, enrollments: { some: { userId: user.id, role: "instructor", removedAt: null } } },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true },
  });
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t.deepLinkTitle}</h1>
      <p className="text-sm text-slate-700">{t.deepLinkIntro}</p>
      <h2 className="font-semibold">{format(t.deepLinkAssignments, { course: course.title })}</h2>
      {assignments.length === 0 ? <p>{t.deepLinkNoAssignments}</p> : null}
      <ul className="flex flex-col gap-2">
        {assignments.map((assignment) => (
          <li key={assignment.id}>
            <form method="post" action="/api/lti/deep-link" className="flex items-center gap-3">
              <input type="hidden" name="request" value={token} />
              <input type="hidden" name="assignmentId" value={assignment.id} />
              <span className="font-medium">{assignment.title}</span>
              <span className="text-sm text-slate-600">{format(t.deepLinkPoints, { points: assignment.points })}</span>
              <button type="submit" className="rounded bg-blue-700 px-3 py-1 text-white" aria-label={`${t.deepLinkChoose}: ${assignment.title}`}>
                {t.deepLinkChoose}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <h2 className="font-semibold">{t.deepLinkExercises}</h2>
      <ul className="flex flex-col gap-2">
        {exercises.map((exercise) => (
          <li key={exercise.id}>
            <form method="post" action="/api/lti/deep-link" className="flex items-center gap-3">
              <input type="hidden" name="request" value={token} />
              <input type="hidden" name="exerciseId" value={exercise.id} />
              <span>{exercise.title}</span>
              <button type="submit" className="rounded border border-blue-700 px-3 py-1 text-blue-700" aria-label={`${t.deepLinkCreate}: ${exercise.title}`}>
                {t.deepLinkCreate}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {otherCourses.length > 0 ? (
        <>
          <h2 className="font-semibold">{format(t.deepLinkOtherCourses, { course: course.title })}</h2>
          <ul className="flex flex-col gap-2">
            {otherCourses.map((other) => (
              <li key={other.id}>
                <form method="post" action="/api/lti/deep-link" className="flex items-center gap-3">
                  <input type="hidden" name="request" value={token} />
                  <input type="hidden" name="linkCourseId" value={other.id} />
                  <span>{other.title}</span>
                  <button type="submit" className="rounded border px-3 py-1" aria-label={`${t.deepLinkUseCourse}: ${other.title}`}>
                    {t.deepLinkUseCourse}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
