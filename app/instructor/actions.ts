"use server";
// Server actions of the instructor area. Each authenticates, validates the form, calls one domain
// operation (which checks the permission against the course), and refreshes the course's pages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { format } from "@/i18n";
import { extensionMessages } from "@/i18n/extensions";
import { instructorMessages } from "@/i18n/instructor";
import { ltiMessages } from "@/i18n/lti";
import { overrideMessages } from "@/i18n/overrides";
import { getLocale } from "@/i18n/server";
import { runAction, type TActionState } from "@/server/action-state";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { readAssignmentForm } from "@/server/assignments/assignment-schemas";
import { changeEnrollmentRole } from "@/server/roster/change-enrollment-role";
import { ZCourseInput, ZId, ZRoleChange } from "@/server/courses/course-schemas";
import { createAssignment } from "@/server/assignments/create-assignment";
import { createCourse } from "@/server/courses/create-course";
import { enqueueRegradeJob } from "@/server/regrades/enqueue-regrade-job";
import { regenerateCourseCode } from "@/server/courses/regenerate-course-code";
import { removeStudent } from "@/server/roster/remove-student";
import { restoreStudent } from "@/server/roster/restore-student";
import { createRegradeJob } from "@/server/regrades/create-regrade-job";
import { updateAssignment } from "@/server/assignments/update-assignment";
import { updateCourse } from "@/server/courses/update-course";
import { announceScoreSyncs } from "@/server/lti/announce-score-syncs";
import { resendCourseScores } from "@/server/lti/list-score-syncs";
import { syncCourseRoster } from "@/server/lti/sync-course-roster";
import { ZExtensionInput } from "@/server/extensions/extension-schemas";
import { grantExtensions } from "@/server/extensions/grant-extensions";
import { removeExtension } from "@/server/extensions/remove-extension";
import { ZScoreOverrideInput } from "@/server/overrides/override-schemas";
import { setScoreOverride } from "@/server/overrides/set-score-override";
import { setResultsPublished } from "@/server/assignments/publish-results";
import { setExerciseScoring, ZExerciseScoringInput } from "@/server/grades/exercise-scoring";

/** A text field of the form; absent fields read as missing, which zod then reports. */
function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function refreshCourse(courseId: string): void {
  revalidatePath(`/instructor/courses/${courseId}`, "layout");
  revalidatePath("/instructor");
}

async function messages() {
  return instructorMessages(await getLocale());
}

export async function createCourseAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZCourseInput.parse({ title: field(form, "title"), description: field(form, "description") });
    const course = await createCourse(db, { user, input });
    revalidatePath("/", "layout");
    redirect(`/instructor/courses/${course.id}`);
  });
}

export async function updateCourseAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const input = ZCourseInput.parse({
      title: field(form, "title"),
      description: field(form, "description"),
      taMayOverrideScores: form.get("taMayOverrideScores") === "on",
    });
    await updateCourse(db, { user, courseId, input });
    refreshCourse(courseId);
    return { status: "ok", message: (await messages()).courseSaved };
  });
}

export async function regenerateCodeAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const { code } = await regenerateCourseCode(db, { user, courseId });
    refreshCourse(courseId);
    return { status: "ok", message: format((await messages()).codeRegenerated, { code }) };
  });
}

export async function changeRoleAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const change = ZRoleChange.parse({ userId: field(form, "userId"), role: field(form, "role") });
    await changeEnrollmentRole(db, { user, courseId, ...change });
    refreshCourse(courseId);
    return { status: "ok", message: (await messages()).roleChanged };
  });
}

export async function removeStudentAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    await removeStudent(db, { user, courseId, userId: ZId.parse(field(form, "userId")) });
    refreshCourse(courseId);
    return { status: "ok", message: (await messages()).studentRemoved };
  });
}

export async function restoreStudentAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    await restoreStudent(db, { user, courseId, userId: ZId.parse(field(form, "userId")) });
    refreshCourse(courseId);
    return { status: "ok", message: (await messages()).studentRestored };
  });
}

export async function createAssignmentAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const { id } = await createAssignment(db, { user, courseId, settings: readAssignmentForm(form) });
    refreshCourse(courseId);
    revalidatePath("/");
    redirect(`/instructor/courses/${courseId}/assignments/${id}`);
  });
}

export async function updateAssignmentAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const assignmentId = ZId.parse(field(form, "assignmentId"));
    await updateAssignment(db, { user, courseId, assignmentId, settings: readAssignmentForm(form) });
    refreshCourse(courseId);
    revalidatePath("/");
    return { status: "ok", message: (await messages()).assignmentSaved };
  });
}

const ZRegradeForm = z.object({
  courseId: ZId,
  exerciseId: ZId,
  /** "" regrades every student */
  studentId: z
    .string()
    .max(64)
    .transform((id) => (id === "" ? null : id)),
});

export async function startRegradeAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZRegradeForm.parse({ courseId: field(form, "courseId"), exerciseId: field(form, "exerciseId"), studentId: field(form, "studentId") ?? "" });
    const { jobId } = await createRegradeJob(db, { user, ...input });
    enqueueRegradeJob(jobId);
    refreshCourse(input.courseId);
    redirect(`/instructor/courses/${input.courseId}/regrades/${jobId}`);
  });
}

/** LMS grade sync (issue 15): resend one student's score, or everyone's, to the LMS. */
export async function resendLtiScoresAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const courseId = ZId.parse(field(form, "courseId"));
  const ltiResourceLinkId = ZId.parse(field(form, "ltiResourceLinkId"));
  const userId = field(form, "userId") ? ZId.parse(field(form, "userId")) : undefined;
  await resendCourseScores(db, { user, courseId, ltiResourceLinkId, userId });
  announceScoreSyncs();
  revalidatePath(`/instructor/courses/${courseId}/lms`);
}

/** LMS roster (issue 15): fetch the members of the linked LMS courses now. */
export async function syncLtiRosterAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const result = await syncCourseRoster(db, { user, courseId });
    refreshCourse(courseId);
    return { status: "ok", message: format(ltiMessages(await getLocale()).rosterSynced, { active: result.active, removed: result.removed }) };
  });
}

export async function grantExtensionsAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const assignmentId = ZId.parse(field(form, "assignmentId"));
    const input = ZExtensionInput.parse({
      emails: field(form, "emails"),
      dueAt: field(form, "dueAt") ?? "",
      extraHours: field(form, "extraHours") ?? "",
      excused: form.get("excused") === "on",
      reason: field(form, "reason") ?? "",
    });
    const { granted } = await grantExtensions(db, { user, courseId, assignmentId, input });
    refreshCourse(courseId);
    const t = extensionMessages(await getLocale());
    return { status: "ok", message: granted === 1 ? t.grantedOne : format(t.granted, { count: granted }) };
  });
}

export async function removeExtensionAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const assignmentId = ZId.parse(field(form, "assignmentId"));
    const userId = ZId.parse(field(form, "userId"));
    await removeExtension(db, { user, courseId, assignmentId, userId });
    refreshCourse(courseId);
    return { status: "ok", message: extensionMessages(await getLocale()).removed };
  });
}

export async function setScoreOverrideAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const assignmentId = ZId.parse(field(form, "assignmentId"));
    const studentId = ZId.parse(field(form, "studentId"));
    const slug = ZId.parse(field(form, "slug"));
    const input = ZScoreOverrideInput.parse({ score: field(form, "score"), comment: field(form, "comment") });
    await setScoreOverride(db, { user, courseId, assignmentId, studentId, slug, input });
    announceScoreSyncs();
    refreshCourse(courseId);
    return { status: "ok", message: overrideMessages(await getLocale()).saved };
  });
}

export async function setResultsPublishedAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const assignmentId = ZId.parse(field(form, "assignmentId"));
    const isPublished = z.enum(["true", "false"]).parse(field(form, "isPublished")) === "true";
    await setResultsPublished(db, { user, courseId, assignmentId, isPublished });
    refreshCourse(courseId);
    const t = await messages();
    return { status: "ok", message: isPublished ? t.resultsPublishedDone : t.resultsUnpublishedDone };
  });
}

export async function setExerciseScoringAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const courseId = ZId.parse(field(form, "courseId"));
    const assignmentId = ZId.parse(field(form, "assignmentId"));
    const input = ZExerciseScoringInput.parse({ exerciseId: field(form, "exerciseId"), points: field(form, "points"), scoring: field(form, "scoring") });
    const { rescored } = await setExerciseScoring(db, { user, courseId, assignmentId, input });
    refreshCourse(courseId);
    const t = await messages();
    return { status: "ok", message: rescored === 1 ? t.scoringSavedOne : format(t.scoringSaved, { count: rescored }) };
  });
}
