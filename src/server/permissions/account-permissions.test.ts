import { describe, expect, it } from "vitest";
import { canJoinCourses, canReadOutbox } from "./account-permissions";

const user = (role: "student" | "instructor" | "admin") => ({ id: "u", email: "u@convlab.test", name: "U", role });

describe("account permissions", () => {
  it("an account joins courses only once its address is confirmed", () => {
    expect(canJoinCourses({ emailVerified: false })).toBe(false);
    expect(canJoinCourses({ emailVerified: true })).toBe(true);
  });

  it("only admins read the outbox (it holds password-reset links)", () => {
    expect(canReadOutbox(user("admin"))).toBe(true);
    expect(canReadOutbox(user("instructor"))).toBe(false);
    expect(canReadOutbox(user("student"))).toBe(false);
  });
});
