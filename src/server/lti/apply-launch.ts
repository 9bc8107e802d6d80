// Turns a validated launch into ConvLab's world: the LMS context → a course (created on the first
// instructor launch), the LMS user (sub) → an account without a password, the context roles → an
// enrollment, the resource link → an assignment. One transaction: a refused launch creates nothing.
import { createHash } from "node:crypto";
import { generateCourseCode } from "@/server/courses/course-code";
import type { TDb } from "@/server/db-client";
import type { TCourseRole } from "@/server/permissions/roles";
import { AGS_CLAIM, ASSIGNMENT_CUSTOM_PARAM, LTI, NRPS_CLAIM, type TLaunchClaims } from "./lti-claims";
import { LtiFailure } from "./lti-failure";
import { mapLtiRoles } from "./map-lti-roles";
import type { TValidatedLaunch } from "./validate-launch";

export interface TAppliedLaunch {
  userId: string;
  courseId: string;
  ltiContextId: string;
  role: TCourseRole;
  /** the resource link's assignment; null for deep-linking requests */
  assignmentId: string | null;
  /** set when this launch newly linked a resource link (an instructor launch syncs then) */
  ltiResourceLinkId: string | null;
}

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

function displayName(claims: TLaunchClaims): string {
  const joined = [claims.given_name, claims.family_name].filter(Boolean).join(" ");
  return (claims.name || joined || "LMS user").slice(0, 100);
}

/** The LMS's email when no ConvLab account has it; otherwise an address that cannot collide. */
async function chooseEmail(tx: TTx, platformId: string, claims: TLaunchClaims): Promise<string> {
  const email = claims.email?.trim().toLowerCase();
  if (email && /^[^@\s]+@[^@\s]+$/.test(email) && !(await tx.user.findUnique({ where: { email } }))) return email;
  const digest = createHash("sha256").update(`${platformId}\n${claims.sub}`).digest("hex").slice(0, 24);
  return `lti-${digest}@lti.invalid`;
}

async function findOrCreateUser(tx: TTx, platformId: string, claims: TLaunchClaims, role: TCourseRole): Promise<string> {
  const known = await tx.ltiUser.findUnique({ where: { platformId_sub: { platformId, sub: claims.sub } } });
  if (known) return known.userId;
  // LMS accounts never get a password: they sign in through the LMS (or a launch ticket). Only
  // instructors get the global instructor role (creating courses); a TA's staff pages come from
  // the enrollment.
  const user = await tx.user.create({
    data: { name: displayName(claims), email: await chooseEmail(tx, platformId, claims), emailVerified: false, role: role === "instructor" ? "instructor" : "student" },
  });
  await tx.ltiUser.create({ data: { platformId, sub: claims.sub, userId: user.id } });
  return user.id;
}

export async function applyLaunch(db: TDb, launch: TValidatedLaunch): Promise<TAppliedLaunch> {
  const { claims, platform } = launch;
  const role = mapLtiRoles(claims[`${LTI}roles`] as string[]);
  if (!role) throw new LtiFailure("roleUnsupported", `roles ${JSON.stringify(claims[`${LTI}roles`])}`);
  const context = claims[`${LTI}context`] as { id: string; title?: string; label?: string };
  const ags = claims[AGS_CLAIM] as { scope: string[]; lineitems?: string; lineitem?: string } | undefined;
  const nrps = claims[NRPS_CLAIM] as { context_memberships_url: string } | undefined;
  const isDeepLinking = claims[`${LTI}message_type`] === "LtiDeepLinkingRequest";
  if (isDeepLinking && role !== "instructor") throw new LtiFailure("roleUnsupported", "only instructors may pick content (deep linking)");

  return db.$transaction(async (tx) => {
    let ltiContext = await tx.ltiContext.findUnique({ where: { platformId_contextId: { platformId: platform.id, contextId: context.id } } });
    if (!ltiContext && role !== "instructor") throw new LtiFailure("courseNotLinked", `context ${context.id}: no instructor has launched ConvLab from it yet`);
    const userId = await findOrCreateUser(tx, platform.id, claims, role);
    const serviceUrls = { membershipsUrl: nrps?.context_memberships_url ?? null, lineItemsUrl: ags?.lineitems ?? null, agsScopes: ags ? ags.scope.join(" ") : null };
    if (!ltiContext) {
      const course = await tx.course.create({ data: { title: (context.title || context.label || "LMS course").slice(0, 200), code: generateCourseCode() } });
      ltiContext = await tx.ltiContext.create({ data: { platformId: platform.id, contextId: context.id, courseId: course.id, title: context.title, ...serviceUrls } });
    } else if (role === "instructor") {
      ltiContext = await tx.ltiContext.update({ where: { id: ltiContext.id }, data: { title: context.title, ...serviceUrls } });
    }
    // The LMS is the authority on who is in its course and in what role: a launch restores a
    // removed enrollment and follows role changes.
    await tx.enrollment.upsert({
      where: { courseId_userId: { courseId: ltiContext.courseId, userId } },
      create: { courseId: ltiContext.courseId, userId, role },
      update: { role, removedAt: null },
    });
    if (isDeepLinking) return { userId, courseId: ltiContext.courseId, ltiContextId: ltiContext.id, role, assignmentId: null, ltiResourceLinkId: null };

    const resourceLink = (claims as Record<string, unknown>)[`${LTI}resource_link`] as { id: string };
    const existing = await tx.ltiResourceLink.findUnique({ where: { ltiContextId_resourceLinkId: { ltiContextId: ltiContext.id, resourceLinkId: resourceLink.id } } });
    if (existing) {
      if (ags?.lineitem && existing.lineItemUrl !== ags.lineitem) await tx.ltiResourceLink.update({ where: { id: existing.id }, data: { lineItemUrl: ags.lineitem } });
      return { userId, courseId: ltiContext.courseId, ltiContextId: ltiContext.id, role, assignmentId: existing.assignmentId, ltiResourceLinkId: null };
    }
    const custom = (claims[`${LTI}custom`] ?? {}) as Record<string, unknown>;
    const assignmentId = typeof custom[ASSIGNMENT_CUSTOM_PARAM] === "string" ? (custom[ASSIGNMENT_CUSTOM_PARAM] as string) : null;
    const assignment = assignmentId ? await tx.assignment.findFirst({ where: { id: assignmentId, courseId: ltiContext.courseId }, select: { id: true } }) : null;
    if (!assignment) {
      if (role === "student") throw new LtiFailure("assignmentNotLinked", `resource link ${resourceLink.id} (custom ${ASSIGNMENT_CUSTOM_PARAM}=${String(assignmentId)}) is not linked to an assignment of course ${ltiContext.courseId}`);
      return { userId, courseId: ltiContext.courseId, ltiContextId: ltiContext.id, role, assignmentId: null, ltiResourceLinkId: null };
    }
    const created = await tx.ltiResourceLink.create({ data: { ltiContextId: ltiContext.id, resourceLinkId: resourceLink.id, assignmentId: assignment.id, lineItemUrl: ags?.lineitem ?? null } });
    return { userId, courseId: ltiContext.courseId, ltiContextId: ltiContext.id, role, assignmentId: assignment.id, ltiResourceLinkId: created.id };
  });
}

/** Where the launch lands: the student on the assignment's first exercise, staff on its progress. */
export async function findLandingPath(db: TDb, applied: TAppliedLaunch): Promise<string> {
  if (!applied.assignmentId) return `/instructor/courses/${applied.courseId}`;
  if (applied.role !== "student") return `/instructor/courses/${applied.courseId}/assignments/${applied.assignmentId}`;
  const first = await db.assignmentExercise.findFirst({ where: { assignmentId: applied.assignmentId }, orderBy: { order: "asc" }, include: { exercise: { select: { slug: true } } } });
  return first ? `/assignments/${applied.assignmentId}/${first.exercise.slug}` : "/";
}
