// LTI roles → a course role. Context (membership) roles decide; institution and system roles are
// ignored, so a learner who is an instructor elsewhere in the institution is a student here.
// Canvas sends a TA as Instructor plus the TeachingAssistant sub-role: that person is a TA.
import type { TCourseRole } from "@/server/permissions/roles";

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

function contextRole(uri: string): string | null {
  if (uri.startsWith(`${MEMBERSHIP}#`)) return uri.slice(MEMBERSHIP.length + 1);
  if (uri.startsWith(`${MEMBERSHIP}/`)) return uri.slice(MEMBERSHIP.length + 1).replace("#", "/");
  // LTI Core §A.2.3.1: simple names are deprecated but allowed, and mean context roles.
  if (!uri.includes(":") && !uri.includes("/")) return uri;
  return null;
}

export function mapLtiRoles(roles: string[]): TCourseRole | null {
  const context = roles.map(contextRole).filter((role): role is string => role !== null);
  if (context.some((role) => role === "TeachingAssistant" || role.endsWith("/TeachingAssistant"))) return "ta";
  if (context.some((role) => role === "Instructor" || role === "Administrator" || role === "ContentDeveloper")) return "instructor";
  if (context.some((role) => role === "Learner" || role.startsWith("Learner/"))) return "student";
  return null;
}
