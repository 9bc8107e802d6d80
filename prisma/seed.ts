// Seeds the demo course: a demo instructor, a demo student and a demo admin (credentials in
// README; their addresses count as confirmed) and three open assignments: the numpy forward
// exercises (Homework 1), the PyTorch ones (Homework 3) and the gradients (Homework 4)
// (`npm run exercises:sync` fills the catalogue; run that first). Safe to run again: it creates
// what is missing and changes nothing else, so a demo password someone changed stays changed.
import { hashPassword } from "better-auth/crypto";
import { readExerciseMeta } from "../src/grading/exercise-files";
import { createPrismaClient } from "../src/server/db-client";
import { DEMO } from "./demo";


type TDb = ReturnType<typeof createPrismaClient>;

/** The demo user, created with its demo password if missing; an existing one is left as it is. */
async function ensureDemoUser(db: TDb, who: { email: string; password: string; name: string }, role: "student" | "instructor" | "admin") {
  const user = await db.user.upsert({
    where: { email: who.email },
    update: { emailVerified: true },
    create: { email: who.email, name: who.name, role, emailVerified: true },
  });
  const account = await db.account.findFirst({ where: { userId: user.id, providerId: "credential" }, select: { id: true } });
  if (!account) {
    await db.account.create({ data: { userId: user.id, providerId: "credential", accountId: user.id, password: await hashPassword(who.password) } });
  }
  return user;
}

/** An open demo assignment with these exercises, created if the course has none of this title. */
async function ensureDemoAssignment(db: TDb, courseId: string, title: string, exercises: readonly { id: string }[]) {
  if (exercises.length === 0 || (await db.assignment.findFirst({ where: { courseId, title } }))) return;
  const day = 24 * 60 * 60 * 1000;
  await db.assignment.create({
    data: {
      courseId,
      title,
      opensAt: new Date(Date.now() - day),
      dueAt: new Date(Date.now() + 14 * day),
      timeZone: "Asia/Shanghai",
      allowLate: true,
      latePenaltyPerDay: 0.1,
      // The demo shows everything a failing submission can show, heatmaps included, and its score
      // at once; new assignments keep hidden-case data until the due date unless the instructor
      // says otherwise.
      scoresRelease: "immediately",
      hiddenDetailsRelease: "immediately",
      exercises: { create: exercises.map((e, order) => ({ exerciseId: e.id, order })) },
    },
  });
}

async function main() {
  const db = createPrismaClient();
  try {
    const exercises = await db.exercise.findMany({ orderBy: [{ order: "asc" }, { slug: "asc" }], select: { id: true, slug: true } });
    if (exercises.length === 0) throw new Error("The exercise catalogue is empty: run `npm run exercises:sync` first.");
    const instructor = await ensureDemoUser(db, DEMO.instructor, "instructor");
    const student = await ensureDemoUser(db, DEMO.student, "student");
    await ensureDemoUser(db, DEMO.admin, "admin");
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
        update: {},
        create: { courseId: course.id, userId: user.id, role },
      });
    }
    const gradientSlugs: readonly string[] = DEMO.gradientAssignment.slugs;
    const isGradient = (exercise: { slug: string }) => gradientSlugs.includes(exercise.slug);
    const sandboxes = await Promise.all(exercises.map(async (exercise) => (await readExerciseMeta(exercise.slug)).sandbox));
    const isTorch = (_: unknown, i: number) => sandboxes[i] === "torch";
    await ensureDemoAssignment(db, course.id, DEMO.assignmentTitle, exercises.filter((e, i) => !isGradient(e) && !isTorch(e, i)));
    await ensureDemoAssignment(db, course.id, DEMO.torchAssignmentTitle, exercises.filter(isTorch));
    await ensureDemoAssignment(db, course.id, DEMO.gradientAssignment.title, exercises.filter(isGradient));
    console.log(`Seeded demo course ${course.code} with ${DEMO.instructor.email} and ${DEMO.student.email}; admin ${DEMO.admin.email}.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
