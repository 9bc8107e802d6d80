"use server";
// Server actions of the similarity reports: start one, cancel one. Each authenticates, validates
// the form and calls one domain operation, which checks the permission against the course.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction, type TActionState } from "@/server/action-state";
import { requireUser } from "@/server/auth/current-user";
import { ZId } from "@/server/courses/course-schemas";
import { db } from "@/server/db";
import { cancelSimilarityReport } from "@/server/similarity/cancel-similarity-report";
import { createSimilarityReport } from "@/server/similarity/create-similarity-report";
import { ZComparisonCourseIds } from "@/server/similarity/similarity-schemas";

const ZStartForm = z.object({ courseId: ZId, assignmentId: ZId, exerciseId: ZId, comparisonCourseIds: ZComparisonCourseIds });

export async function startSimilarityAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZStartForm.parse({
      courseId: form.get("courseId"),
      assignmentId: form.get("assignmentId"),
      exerciseId: form.get("exerciseId"),
      comparisonCourseIds: form.getAll("comparisonCourseId"),
    });
    const { reportId } = await createSimilarityReport(db, { user, ...input });
    redirect(`/instructor/courses/${input.courseId}/assignments/${input.assignmentId}/similarity/${reportId}`);
  });
}

const ZCancelForm = z.object({ courseId: ZId, assignmentId: ZId, reportId: ZId });

export async function cancelSimilarityAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZCancelForm.parse({ courseId: form.get("courseId"), assignmentId: form.get("assignmentId"), reportId: form.get("reportId") });
    await cancelSimilarityReport(db, { user, courseId: input.courseId, reportId: input.reportId });
    revalidatePath(`/instructor/courses/${input.courseId}/assignments/${input.assignmentId}/similarity`, "layout");
    return { status: "ok" };
  });
}
