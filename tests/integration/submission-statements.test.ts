// How many SQL statements one submission costs the server, counted against a real SQLite
// database and the real sandbox: the Submit (createSubmission, as the route calls it), the
// grading this process does for it (pick, claim, grade, verdict, progress) and one long poll that
// answers with the verdict. The session lookup is left out (the session cookie cache answers it
// without the database) and so are the long-poll watcher's shared ticks (one query per quarter
// second for all waiting students together, not per submission). Prints the breakdown, so
// `npx vitest run tests/integration/submission-statements.test.ts` is the benchmark.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { GradingQueue } from "@/server/grading-queue/grading-queue";
import { createSubmission } from "@/server/submissions/create-submission";
import { getSubmissionStatus, getSubmissionView } from "@/server/submissions/get-submission-view";
import { CODE, createCourse, FINISHED, waitFor, type TCourse } from "../support/course-fixtures";
import { createCountingClient, type TStatementCounter } from "../support/statement-counter";
import { createSqliteDatabase, type TTestDatabase } from "../support/test-database";

/**
 * Measured with this test: 33 before issue 20's cuts (submit 16, grading 12, long poll 5), 27
 * after (11, 11, 5). Two statements of slack for a new check on the path; past that the cost is
 * drifting back towards the old one and should be looked at (CONVLAB_PRINT_STATEMENTS=1 lists them).
 */
const MAX_STATEMENTS_PER_SUBMISSION = 29;

let database: TTestDatabase;
let counter: TStatementCounter;
let runner: TRunner;
let course: TCourse;
let queue: GradingQueue;

beforeAll(async () => {
  database = await createSqliteDatabase("statements");
  counter = createCountingClient(database.url);
  runner = createRunner({ poolSize: 1 });
  course = await createCourse(database.db, 2);
  // The checks a real course uses: an attempt cap and a cooldown.
  await database.db.assignment.update({ where: { id: course.assignmentId }, data: { maxAttempts: 10, cooldownSeconds: 1 } });
  queue = new GradingQueue({ db: counter.db, runner, poolSize: 1, slowLaneSlots: 1, fastLane: { cpuSeconds: 1, wallSeconds: 1 }, pollMs: 60_000, role: "test" });
}, 180_000);

afterAll(async () => {
  await queue?.stop();
  await runner?.close();
  await counter?.db.$disconnect();
  await database?.drop();
});

/** Submits as the route does and lets the queue grade it; returns the statements of each step. */
async function submitAndGrade(studentIndex: number) {
  const user = course.students[studentIndex]!;
  counter.reset();
  const { id } = await createSubmission(counter.db, { user, assignmentId: course.assignmentId, slug: "convolution", code: CODE.correct, clientToken: `t-${randomUUID()}`, maxQueued: 1000 });
  const submit = counter.statements.length;
  queue.wakeForSubmissions();
  await waitFor("the verdict", async () => FINISHED.includes((await database.db.submission.findUniqueOrThrow({ where: { id } })).status as never), 60_000);
  // The grader looks for the next submission after writing the verdict: wait until it is quiet.
  let seen = -1;
  await waitFor("a quiet grader", async () => seen === (seen = counter.statements.length) && queue.state.fastActive === 0, 10_000, 200);
  const grading = counter.statements.length - submit;
  // The page's long poll, as app/api/submissions/[submissionId] answers it once the status has moved on.
  const status = await getSubmissionStatus(counter.db, { user, submissionId: id });
  expect(status.status).not.toBe("queued");
  await getSubmissionView(counter.db, { user, submissionId: id });
  const poll = counter.statements.length - submit - grading;
  return { submit, grading, poll, total: submit + grading + poll, statements: [...counter.statements] };
}

it("one submission costs the server a bounded number of SQL statements", async () => {
  // The first submission of a process also reads the exercise's slug and measures its short budget, once.
  await submitAndGrade(0);
  const counted = await submitAndGrade(1);
  console.log(`SQL statements per submission: ${JSON.stringify({ submit: counted.submit, grading: counted.grading, longPoll: counted.poll, total: counted.total })}`);
  if (process.env.CONVLAB_PRINT_STATEMENTS) console.log(counted.statements.join("\n"));
  expect(counted.total).toBeLessThanOrEqual(MAX_STATEMENTS_PER_SUBMISSION);
}, 180_000);
