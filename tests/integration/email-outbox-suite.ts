// The outbox path (no SMTP_URL), defined once and run on each database: mails are kept with their
// links intact, only admins list them, and a kept link works like a delivered one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "../support/test-database";

export function defineOutboxSuite(label: string, provision: () => Promise<TTestDatabase>, options: { skip?: boolean } = {}) {
  const BASE = "http://localhost:3998";
  let database: TTestDatabase;

  describe.skipIf(options.skip ?? false)(`email without SMTP_URL (${label})`, () => {
    beforeAll(async () => {
      database = await provision();
      delete process.env.SMTP_URL;
      // Read once by src/server/env.ts, so set before the server modules load.
      Object.assign(process.env, { DATABASE_URL: database.url, BETTER_AUTH_URL: BASE, BETTER_AUTH_SECRET: "email-test-secret-4Jd8Qw2Lx7Rv1Tz9" });
    });

    afterAll(async () => {
      await database?.drop();
    });

    it("keeps the verification mail in the outbox; admins list it, others get not-found", async () => {
      const { auth } = await import("@/server/auth/auth");
      const { db } = await import("@/server/db");
      const { listOutbox } = await import("@/server/mail/list-outbox");
      const email = "held@convlab.test";
      await auth.api.signUpEmail({ body: { name: "Held", email, password: "first-password-1" } });

      const row = await db.outboxMail.findFirstOrThrow({ where: { to: email } });
      expect(row).toMatchObject({ kind: "verify-email", status: "held", subject: "Confirm your email address for ConvLab", sentAt: null });
      const link = row.text.match(/https?:\/\/\S+/)?.[0];
      expect(link?.startsWith(`${BASE}/api/auth/verify-email?token=`)).toBe(true);

      const admin = { id: "admin-id", email: "admin@convlab.test", name: "Admin", role: "admin" as const };
      const student = { id: "student-id", email: "student@convlab.test", name: "Student", role: "student" as const };
      const listed = await listOutbox(db, { user: admin, to: email });
      expect(listed.isSmtpConfigured).toBe(false);
      expect(listed.mails.map((m) => m.id)).toEqual([row.id]);
      await expect(listOutbox(db, { user: student })).rejects.toMatchObject({ code: "not_found" });
      await expect(listOutbox(db, { user: { ...student, role: "instructor" } })).rejects.toMatchObject({ code: "not_found" });

      // The kept link works like a delivered one.
      const landing = await auth.handler(new Request(link!));
      expect(landing.headers.get("location")).toBe("/email-verified");
      expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(true);
    });
  });
}
