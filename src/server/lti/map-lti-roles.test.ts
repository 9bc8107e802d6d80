import { describe, expect, it } from "vitest";
import { mapLtiRoles } from "./map-lti-roles";

const M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
const INSTITUTION_INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor";

describe("mapLtiRoles", () => {
  it("maps the three context roles", () => {
    expect(mapLtiRoles([`${M}#Instructor`])).toBe("instructor");
    expect(mapLtiRoles([`${M}#Learner`])).toBe("student");
    expect(mapLtiRoles([`${M}#TeachingAssistant`])).toBe("ta");
  });
  it("treats Canvas's Instructor + TeachingAssistant sub-role as a TA", () => {
    expect(mapLtiRoles([`${M}#Instructor`, `${M}/Instructor#TeachingAssistant`])).toBe("ta");
  });
  it("lets context roles decide over institution roles", () => {
    expect(mapLtiRoles([INSTITUTION_INSTRUCTOR, `${M}#Learner`])).toBe("student");
    expect(mapLtiRoles([INSTITUTION_INSTRUCTOR])).toBeNull();
  });
  it("accepts deprecated simple names", () => {
    expect(mapLtiRoles(["Instructor"])).toBe("instructor");
  });
});
