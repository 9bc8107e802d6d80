// Roster sync through NRPS 2.0 (context_memberships): members are enrolled with their roles;
// people the LMS no longer lists, or lists as Inactive/Deleted, are marked removed (removedAt),
// never deleted, like a removal by hand. Only people who came through this LMS are touched.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { TDb } from "@/server/db-client";
import { log } from "@/server/log";
import type { TCourseRole } from "@/server/permissions/roles";
import { callService } from "./access-token";
import { NRPS_SCOPE } from "./lti-claims";
import { mapLtiRoles } from "./map-lti-roles";

const MEMBERSHIP_MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
/** A guard against a platform whose "next" links loop. */
const MAX_PAGES = 100;

const ZMember = z.object({
  user_id: z.string().min(1),
  roles: z.array(z.string()).default([]),
  status: z.enum(["Active", "Inactive", "Deleted"]).default("Active"),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  email: z.string().optional(),
});
const ZContainer = z.object({ members: z.array(ZMember) });

export interface TRosterSyncResult {
  active: number;
  removed: number;
}

function nextPage(link: string | null): string | null {
  const match = link?.split(",").find((part) => /rel="?next"?/.test(part))?.match(/<([^>]+)>/);
  return match?.[1] ?? null;
}

export async function syncRoster(db: TDb, ltiContextId: string, now = new Date()): Promise<TRosterSyncResult> {
  const context = await db.ltiContext.findUniqueOrThrow({ where: { id: ltiContextId }, include: { platform: true } });
  if (!context.membershipsUrl) return { active: 0, removed: 0 };
  const members: z.infer<typeof ZMember>[] = [];
  let url: string | null = context.membershipsUrl;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await callService(db, context.platform, [NRPS_SCOPE], url, { accept: MEMBERSHIP_MEDIA_TYPE });
    members.push(...ZContainer.parse(await response.json()).members);
    url = nextPage(response.headers.get("link"));
  }
  const active = new Map<string, { member: z.infer<typeof ZMember>; role: TCourseRole }>();
  for (const member of members) {
    const role = mapLtiRoles(member.roles);
    if (member.status === "Active" && role) active.set(member.user_id, { member, role });
  }
  return db.$transaction(async (tx) => {
    for (const [sub, { member, role }] of active) {
      let link = await tx.ltiUser.findUnique({ where: { platformId_sub: { platformId: context.platformId, sub } } });
      if (!link) {
        const digest = createHash("sha256").update(`${context.platformId}\n${sub}`).digest("hex").slice(0, 24);
        const email = member.email?.toLowerCase();
        const isEmailFree = !!email && !(await tx.user.findUnique({ where: { email } }));
        const name = (member.name || [member.given_name, member.family_name].filter(Boolean).join(" ") || "LMS user").slice(0, 100);
        const user = await tx.user.create({ data: { name, email: isEmailFree ? email! : `lti-${digest}@lti.invalid`, role: role === "instructor" ? "instructor" : "student" } });
        link = await tx.ltiUser.create({ data: { platformId: context.platformId, sub, userId: user.id } });
      }
      await tx.enrollment.upsert({
        where: { courseId_userId: { courseId: context.courseId, userId: link.userId } },
        create: { courseId: context.courseId, userId: link.userId, role },
        update: { role, removedAt: null },
      });
    }
    const departed = await tx.enrollment.findMany({
      where: { courseId: context.courseId, removedAt: null, user: { ltiUsers: { some: { platformId: context.platformId, sub: { notIn: [...active.keys()] } } } } },
      select: { id: true },
    });
    await tx.enrollment.updateMany({ where: { id: { in: departed.map((e) => e.id) } }, data: { removedAt: now } });
    return { active: active.size, removed: departed.length };
  });
}

/** Fire-and-forget from an instructor launch: the launch must not wait on the LMS's roster. */
export function requestRosterSync(db: TDb, ltiContextId: string): void {
  syncRoster(db, ltiContextId).catch((error: unknown) => {
    log("lti", "warn", "lti roster sync failed", { ltiContextId, error: String(error) });
  });
}
