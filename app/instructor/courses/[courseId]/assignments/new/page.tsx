import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/assignments/assignment-form";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getCourseOverview } from "@/server/courses/get-course-overview";
import { listExerciseCatalog } from "@/server/exercises/list-exercise-catalog";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { listTimeZones, utcToZonedLocal } from "@/server/assignments/zoned-time";
import { createAssignmentAction } from "../../../../actions";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).newAssignment };
}

export default async function NewAssignmentPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await readPageParams(params);
  const user = await requireUserForPage(`/instructor/courses/${courseId}/assignments/new`);
  const course = await orNotFound(getCourseOverview(db, { user, courseId }));
  if (!course.can.manageAssignments) notFound();
  const catalog = await listExerciseCatalog(db);
  const t = instructorMessages(await getLocale());
  // A course usually keeps one zone: start from its latest assignment's.
  const timeZone = course.assignments.at(-1)?.timeZone ?? "UTC";
  const now = new Date();
  return (
    <section aria-labelledby="new-assignment-heading" className="flex flex-col gap-4">
      <h1 id="new-assignment-heading" className="text-xl font-semibold">
        {t.newAssignment}
      </h1>
      <AssignmentForm
        action={createAssignmentAction}
        courseId={courseId}
        catalog={catalog}
        timeZones={listTimeZones()}
        initial={{
          title: "",
          exerciseIds: [],
          opensAt: utcToZonedLocal(now, timeZone),
          dueAt: `${utcToZonedLocal(new Date(now.getTime() + 7 * DAY_MS), timeZone).slice(0, 10)}T23:59`,
          timeZone,
          allowLate: false,
          latePenaltyPercent: 10,
          cooldownSeconds: null,
          maxAttempts: null,
          loadErrorsCostNoAttempt: true,
          scoresRelease: "immediately",
          hiddenDetailsRelease: "after_due",
        }}
      />
    </section>
  );
}
