import { describe, expect, it } from "vitest";
import { canLinkLtiContent, canManageLtiGradeSync, canRegisterLtiPlatform } from "./lti-permissions";
import type { TSessionUser } from "./roles";

const user = (role: TSessionUser["role"]): TSessionUser => ({ id: "u", email: "u@convlab.test", name: "U", role });

describe("LTI permissions", () => {
  it("lets only admins register an LMS", () => {
    expect(canRegisterLtiPlatform(user("admin"))).toBe(true);
    expect(canRegisterLtiPlatform(user("instructor"))).toBe(false);
    expect(canRegisterLtiPlatform(user("student"))).toBe(false);
  });
  it("lets a course's instructors, not its TAs or students, link content and resend grades", () => {
    for (const can of [canLinkLtiContent, canManageLtiGradeSync]) {
      expect(can(user("instructor"), { courseId: "c", role: "instructor" })).toBe(true);
      expect(can(user("instructor"), { courseId: "c", role: "ta" })).toBe(false);
      expect(can(user("student"), { courseId: "c", role: "student" })).toBe(false);
      expect(can(user("instructor"), null)).toBe(false);
    }
  });
});
