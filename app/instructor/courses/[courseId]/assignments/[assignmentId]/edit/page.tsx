import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/assignments/assignment-form";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getAssignmentSettings } from "@/server/assignments/get-assignment-settings";
import { getCourseOverview } from "@/server/courses/get-course-overview";
import { listExerciseCatalog } from "@/server/exercises/list-exercise-catalog";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { listTimeZones } from "@/server/assignments/zoned-time";
import { ExerciseScoringForm } from "@/components/assignments/exercise-scoring-form";
import { listExerciseScoring } from "@/server/grades/exercise-scoring";
import { setExerciseScoringAction, updateAssignmentAction } from "../../../../../actions";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).editAssignment };
}

export default async function EditAssignmentPage({ params }: { params: Promise<{ courseId: string; assignmentId: string }> }) {
  const { courseId, assignmentId } = await readPageParams(params);
  const user = await requireUserForPage(`/instructor/courses/${courseId}/assignments/${assignmentId}/edit`);
  const course = await orNotFound(getCourseOverview(db, { user, courseId }));
  if (!course.can.manageAssignments) notFound();
  const [settings, catalog, scoring] = await Promise.all([
    orNotFound(getAssignmentSettings(db, { user, courseId, assignmentId })),
    listExerciseCatalog(db),
    listExerciseScoring(db, { user, courseId, assignmentId }),
  ]);
  const t = instructorMessages(await getLocale());
  return (
    <section aria-labelledby="edit-assignment-heading" className="flex flex-col gap-4">
      <h1 id="edit-assignment-heading" className="text-xl font-semibold">
        {t.editAssignment}: {settings.title}
      </h1>
      <AssignmentForm
        action={updateAssignmentAction}
        courseId={courseId}
        assignmentId={assignmentId}
        catalog={catalog}
        timeZones={listTimeZones()}
        initial={settings}
      />
      <ExerciseScoringForm rows={scoring} courseId={courseId} assignmentId={assignmentId} action={setExerciseScoringAction} />
    </section>
  );
}
