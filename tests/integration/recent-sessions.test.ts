// The hot routes' session cache (src/server/auth/recent-sessions.ts): a sign-out through
// better-auth's real handler, or a changed role, forgets every remembered session at once, so
// only a session ended by another process can outlive its end on Submit and the long polls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, type TTestDatabase } from "../support/test-database";

const BASE = "http://localhost:3998";
let database: TTestDatabase;

beforeAll(async () => {
  database = await createSqliteDatabase("recent-sessions");
  // Read once by src/server/env.ts, so set before the server modules load.
  Object.assign(process.env, { DATABASE_URL: database.url, BETTER_AUTH_URL: BASE, BETTER_AUTH_SECRET: "recent-sessions-secret-8Hq2Zp5Lm1Xc7Vb3" });
});

afterAll(async () => {
  await database?.drop();
});

const modules = async () => ({
  auth: (await import("@/server/auth/auth")).auth,
  db: (await import("@/server/db")).db,
  recent: await import("@/server/auth/recent-sessions"),
  setInstructorRole: (await import("@/server/admin/set-instructor-role")).setInstructorRole,
});

async function postAuth(path: string, body: unknown, cookie?: string): Promise<Response> {
  const { auth } = await modules();
  return auth.handler(
    new Request(`${BASE}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

const student = { id: "u1", email: "s@convlab.test", name: "S", role: "student" as const };

describe("recently verified sessions", () => {
  it("are forgotten when anyone signs out through better-auth", async () => {
    const { recent } = await modules();
    const signUp = await postAuth("/sign-up/email", { name: "Sam Session", email: "sam.session@convlab.test", password: "first-password-1" });
    expect(signUp.status).toBe(200);
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    recent.rememberRecentSession(cookie, student);
    recent.rememberRecentSession("another browser", student);
    expect(recent.findRecentSession(cookie)).toEqual(student);

    expect((await postAuth("/sign-out", {}, cookie)).status).toBe(200);
    expect(recent.findRecentSession(cookie)).toBeUndefined();
    expect(recent.findRecentSession("another browser")).toBeUndefined();
  });

  it("are forgotten when an admin changes someone's role", async () => {
    const { db, recent, setInstructorRole } = await modules();
    const admin = await db.user.create({ data: { email: "admin@convlab.test", name: "Ada Admin", role: "admin", emailVerified: true } });
    const target = await db.user.create({ data: { email: "ian@convlab.test", name: "Ian", role: "instructor", emailVerified: true } });
    recent.rememberRecentSession("ian's browser", { id: target.id, email: target.email, name: target.name, role: "instructor" });
    await setInstructorRole(db, { user: { id: admin.id, email: admin.email, name: admin.name, role: "admin" }, email: target.email, grant: false });
    expect(recent.findRecentSession("ian's browser")).toBeUndefined();
  });
});
