// The demo course and its three accounts (credentials also in README), created by prisma/seed.ts.
export const DEMO = {
  courseCode: "DEMOCONV",
  courseTitle: "Deep Learning: Convolution (demo course)",
  assignmentTitle: "Homework 1: Convolution from scratch",
  /** the exercises graded in the torch sandbox (meta.json "sandbox": "torch") */
  torchAssignmentTitle: "Homework 3: Convolution in PyTorch",
  instructor: { email: "instructor@convlab.test", password: "instructor-demo-1", name: "Demo Instructor" },
  student: { email: "student@convlab.test", password: "student-demo-1", name: "Demo Student" },
  /** reads the mail outbox (/admin/outbox), where mails wait when no SMTP_URL is set */
  admin: { email: "admin@convlab.test", password: "admin-demo-1", name: "Demo Admin" },
} as const;
