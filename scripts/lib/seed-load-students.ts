// Seeds many demo students for the load test in a few statements: one scrypt hash of the shared
// password (hashing 500 times would take longer than the test), users, credential accounts and
// enrollments in the demo course, all with bulk inserts.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { TDb } from "@/server/db-client";

export const LOAD_STUDENT_PASSWORD = "load-student-1";

export function loadStudentEmail(index: number): string {
  return `load-student-${String(index).padStart(4, "0")}@convlab.test`;
}

export async function seedLoadStudents(db: TDb, options: { count: number; courseCode: string }): Promise<void> {
  const course = await db.course.findUniqueOrThrow({ where: { code: options.courseCode }, select: { id: true } });
  const password = await hashPassword(LOAD_STUDENT_PASSWORD);
  const users = Array.from({ length: options.count }, (_, i) => ({
    id: randomUUID(),
    name: `Load Student ${i}`,
    email: loadStudentEmail(i),
    emailVerified: true,
    role: "student" as const,
  }));
  await db.user.createMany({ data: users });
  await db.account.createMany({ data: users.map((u) => ({ userId: u.id, accountId: u.id, providerId: "credential", password })) });
  await db.enrollment.createMany({ data: users.map((u) => ({ courseId: course.id, userId: u.id, role: "student" as const })) });
}
