// The demo course and its two accounts (credentials also in README), created by prisma/seed.ts.
export const DEMO = {
  courseCode: "DEMOCONV",
  courseTitle: "Deep Learning: Convolution (demo course)",
  assignmentTitle: "Homework 1: Convolution from scratch",
  instructor: { email: "instructor@convlab.test", password: "instructor-demo-1", name: "Demo Instructor" },
  student: { email: "student@convlab.test", password: "student-demo-1", name: "Demo Student" },
} as const;
