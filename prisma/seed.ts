// Seeds the demo course: a demo instructor, a demo student and a demo admin (credentials in
// README; their addresses count as confirmed), the exercises from exercises/, and one open
// assignment. Safe to run again: it updates in place.
import { hashPassword } from "better-auth/crypto";
import { createPrismaClient } from "../src/server/db-client";
import { syncExercises } from "../src/server/exercises/sync-exercises";

export const DEMO = {
  courseCode: "DEMOCONV",
  courseTitle: "Deep Learning: Convolution (demo course)",
  assignmentTitle: "Homework 1: Convolution from scratch",
  instructor: { email: "instructor@convlab.test", password: "instructor-demo-1", name: "Demo Instructor" },
  student: { email: "student@convlab.test", password: "student-demo-1", name: "Demo Student" },
  /** reads the mail outbox (/admin/outbox), where mails wait when no SMTP_URL is set */
  admin: { email: "admin@convlab.test", password: "admin-demo-1", name: "Demo Admin" },
} as const;

type TDb = ReturnType<typeof createPrismaClient>;

async function upsertUserWithPassword(db: TDb, who: { email: string; password: string; name: string }, role: "student" | "instructor" | "admin") {
  const user = await db.user.upsert({
    where: { email: who.email },
    update: { name: who.name, role, emailVerified: true },
    create: { email: who.email, name: who.name, role, emailVerified: true },
  });
  const password = await hashPassword(who.password);
  const account = await db.account.findFirst({ where: { userId: user.id, providerId: "credential" } });
  if (account) await db.account.update({ where: { id: account.id }, data: { password } });
  else await db.account.create({ data: { userId: user.id, providerId: "credential", accountId: user.id, password } });
  return user;
}

async function main() {
  const db = createPrismaClient();
  try {
    const instructor = await upsertUserWithPassword(db, DEMO.instructor, "instructor");
    const student = await upsertUserWithPassword(db, DEMO.student, "student");
    await upsertUserWithPassword(db, DEMO.admin, "admin");
    const course = await db.course.upsert({
      where: { code: DEMO.courseCode },
      update: {},
      create: {
        code: DEMO.courseCode,
        title: DEMO.courseTitle,
        description: "Convolution step by step in numpy, from one channel to a small CNN.",
      },
    });
    for (const [user, role] of [
      [instructor, "instructor"],
      [student, "student"],
    ] as const) {
      await db.enrollment.upsert({
        where: { courseId_userId: { courseId: course.id, userId: user.id } },
        update: { role, removedAt: null },
        create: { courseId: course.id, userId: user.id, role },
      });
    }
    const exercises = await syncExercises(db);
    const existing = await db.assignment.findFirst({ where: { courseId: course.id, title: DEMO.assignmentTitle } });
    if (!existing) {
      const day = 24 * 60 * 60 * 1000;
      await db.assignment.create({
        data: {
          courseId: course.id,
          title: DEMO.assignmentTitle,
          opensAt: new Date(Date.now() - day),
          dueAt: new Date(Date.now() + 14 * day),
          timeZone: "Asia/Shanghai",
          allowLate: true,
          latePenaltyPerDay: 0.1,
          // The demo shows everything a failing submission can show, heatmaps included; new
          // assignments keep hidden-case data until the due date unless the instructor says otherwise.
          showHiddenDetailsBeforeDue: true,
          exercises: { create: exercises.map((e, order) => ({ exerciseId: e.id, order })) },
        },
      });
    }
    console.log(`Seeded demo course ${course.code} with ${DEMO.instructor.email} and ${DEMO.student.email}; admin ${DEMO.admin.email}.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
