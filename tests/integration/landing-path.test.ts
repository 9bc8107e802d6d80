// Where sign-in lands without a page to return to (issue 16): staff on their courses, students home.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/server/db-client";
import { landingPathAfterSignIn } from "@/server/accounts/landing-path";
import { createTestDatabase, createUser, createWorld, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let w: TWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await createWorld(db);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("the landing page after sign-in", () => {
  it("is the instructor area for instructors, admins and a course's TAs", async () => {
    for (const user of [w.instructor, w.admin, w.ta]) expect(await landingPathAfterSignIn(db, user.id)).toBe("/instructor");
  });

  it("is the home page for students and for accounts in no course", async () => {
    expect(await landingPathAfterSignIn(db, w.student.id)).toBe("/");
    expect(await landingPathAfterSignIn(db, (await createUser(db, "Lone Learner")).id)).toBe("/");
  });
});
