// The admin page's operations (issue 16): only an admin grants and revokes the instructor role
// and lists every course; unknown emails and admin accounts are refused with a message, and
// nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/server/db-client";
import { getAdminOverview } from "@/server/admin/get-admin-overview";
import { setInstructorRole } from "@/server/admin/set-instructor-role";
import { AppError } from "@/server/errors";
import { createTestDatabase, createUser, createWorld, type TTestDatabase, type TWorld } from "./instructor-fixtures";

let database: TTestDatabase;
let db: TDb;
let w: TWorld;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).role;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await createWorld(db);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("the admin page", () => {
  it("grants and revokes the instructor role by email", async () => {
    const newcomer = await createUser(db, "Nia Newcomer");
    await setInstructorRole(db, { user: w.admin, email: newcomer.email, grant: true });
    expect(await roleOf(newcomer.id)).toBe("instructor");
    expect((await getAdminOverview(db, { user: w.admin })).instructors.map((i) => i.email)).toContain(newcomer.email);
    await setInstructorRole(db, { user: w.admin, email: newcomer.email, grant: false });
    expect(await roleOf(newcomer.id)).toBe("student");
  });

  it("lists every course with its instructors and current students", async () => {
    const { courses } = await getAdminOverview(db, { user: w.admin });
    expect(courses.find((c) => c.id === w.courseId)).toMatchObject({ title: "Deep Learning", instructors: ["Ina Instructor"], students: 2 });
    expect(courses.find((c) => c.id === w.otherCourseId)).toMatchObject({ instructors: ["Oz Other"], students: 0 });
  });

  it("refuses an unknown email and an admin account with a message, changing nothing", async () => {
    expect((await refusal(setInstructorRole(db, { user: w.admin, email: "nobody@convlab.test", grant: true }))).messageFor("en")).toBe(
      "No account has the email address nobody@convlab.test. Ask the person to sign up first.",
    );
    const other = await createUser(db, "Second Admin", "admin");
    expect((await refusal(setInstructorRole(db, { user: w.admin, email: other.email, grant: false }))).code).toBe("validation");
    expect(await roleOf(other.id)).toBe("admin");
  });

  it("is not there for instructors, TAs or students", async () => {
    for (const user of [w.instructor, w.ta, w.student]) {
      expect((await refusal(getAdminOverview(db, { user }))).code).toBe("not_found");
      expect((await refusal(setInstructorRole(db, { user, email: w.student.email, grant: true }))).code).toBe("not_found");
    }
    expect(await roleOf(w.student.id)).toBe("student");
  });
});
