// Grants or revokes the site-wide instructor role (who may create courses). Course memberships
// are untouched: a former instructor keeps teaching the courses they are staff of until an
// instructor there changes their course role. Admin accounts are never changed here.
import { forgetRecentSessions } from "@/server/auth/recent-sessions";
import type { TDb } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { canManageInstructors } from "@/server/permissions/admin-permissions";
import type { TSessionUser } from "@/server/permissions/roles";

export async function setInstructorRole(db: TDb, options: { user: TSessionUser; email: string; grant: boolean }): Promise<void> {
  if (!canManageInstructors(options.user)) throw new AppError("not_found", "notFound");
  const target = await db.user.findUnique({ where: { email: options.email }, select: { id: true, role: true } });
  if (!target) throw new AppError("not_found", "accountNotFound", { email: options.email });
  if (target.role === "admin") throw new AppError("validation", "adminRoleUnchangeable");
  await db.user.update({ where: { id: target.id }, data: { role: options.grant ? "instructor" : "student" } });
  forgetRecentSessions();
}
