// The demo course and its three accounts (credentials also in README), created by prisma/seed.ts.
export const DEMO = {
  courseCode: "DEMOCONV",
  courseTitle: "Deep Learning: Convolution (demo course)",
  /** the forward exercises: every exercise of the catalogue not in another demo assignment */
  assignmentTitle: "Homework 1: Convolution from scratch",
  /** the second half of the unit, the gradients (issue 18) */
  gradientAssignment: {
    title: "Homework 4: Backpropagation through convolution",
    slugs: ["conv2d-backward", "max-pool2d-backward", "avg-pool2d-backward"],
  },
  /** every exercise graded in the torch sandbox (meta.json "sandbox": "torch"), the notes' PyTorch part */
  torchAssignmentTitle: "Homework 3: Convolution in PyTorch",
  instructor: { email: "instructor@convlab.test", password: "instructor-demo-1", name: "Demo Instructor" },
  student: { email: "student@convlab.test", password: "student-demo-1", name: "Demo Student" },
  /** reads the mail outbox (/admin/outbox), where mails wait when no SMTP_URL is set */
  admin: { email: "admin@convlab.test", password: "admin-demo-1", name: "Demo Admin" },
} as const;
