// The gradebook in Chromium against the production build and the real sandbox (issue 16): the demo
// instructor creates an assignment that was due 30 hours ago with a late penalty, is refused an
// extension that ends before that due date, grants a student 48 extra hours, and the student's
// Submit after the original deadline scores in full, not late. Then the instructor lets TAs set
// scores by hand, a TA sets that student's score with a comment the student then sees, and the
// Canvas CSV downloads with its Points Possible row and the score set by hand.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { confirmEmail, DEMO_COURSE_CODE, DEMO_INSTRUCTOR, signIn, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });
test.describe.configure({ mode: "serial" });

const SHAPE = "Output shape of a convolution layer";
const SOLUTION = readFileSync(path.join("exercises", "conv-output-shape", "solution.py"), "utf8");
const HOUR_MS = 60 * 60 * 1000;
/** "YYYY-MM-DDTHH:mm" on Shanghai's wall clock (UTC+8 all year), as a datetime-local input takes it. */
const shanghaiLocal = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 16);

/** What the first test sets up for the second. */
const seen = { courseId: "", assignmentId: "", title: "", student: { name: "", email: "", password: "student-pass-1" } };

test("an instructor grants an extension and the student submits after the original deadline without penalty", async ({ page, baseURL }, testInfo) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const student = seen.student;
  student.name = `Eve ${randomUUID().slice(0, 6)}`;
  student.email = uniqueEmail("eve");
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await api.post("/api/auth/sign-up/email", { data: student })).status()).toBe(200);
  await confirmEmail(api, baseURL!, student.email);
  expect((await api.post("/api/courses/join", { data: { code: DEMO_COURSE_CODE } })).status()).toBe(200);

  await signIn(page, DEMO_INSTRUCTOR);
  await page.getByRole("link", { name: "Instructor", exact: true }).click();
  await page.getByTestId("staff-courses").getByRole("link").first().click();
  await expect(page.getByTestId("join-code")).toHaveText(DEMO_COURSE_CODE);
  seen.courseId = new URL(page.url()).pathname.split("/")[3]!;

  const now = Date.now();
  const title = `Extended lab ${randomUUID().slice(0, 6)}`;
  await page.getByRole("link", { name: "New assignment" }).click();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("checkbox", { name: SHAPE }).check();
  await page.getByLabel("Opens at").fill(shanghaiLocal(now - 72 * HOUR_MS));
  await page.getByLabel("Due at").fill(shanghaiLocal(now - 30 * HOUR_MS));
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await page.getByLabel("Accept late submissions").check();
  await page.getByLabel("Late penalty per started day (%)").fill("15");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress: ${title}`);
  const assignmentId = new URL(page.url()).pathname.split("/")[5]!;
  seen.assignmentId = assignmentId;
  seen.title = title;

  const panel = page.getByRole("region", { name: "Extensions and exceptions" });
  await expect(panel.getByText("No student has an extension or exception.")).toBeVisible();
  // An "extension" ending before the original due date is refused with a reason, and nothing is saved.
  await panel.getByLabel("Students' emails").fill(student.email);
  await panel.getByLabel("New due date (Asia/Shanghai)").fill(shanghaiLocal(now - 40 * HOUR_MS));
  await panel.getByRole("button", { name: "Grant" }).click();
  await expect(panel.getByRole("alert")).toContainText("is not after the assignment's due date");
  await expect(panel.getByTestId("extension-row")).toHaveCount(0);

  await panel.getByLabel("New due date (Asia/Shanghai)").fill("");
  await panel.getByLabel("Or extra hours").fill("48");
  await panel.getByLabel("Reason (optional, seen by staff)").fill("Doctor's note");
  await panel.getByRole("button", { name: "Grant" }).click();
  await expect(panel.getByText("Saved for 1 student.")).toBeVisible();
  const row = panel.getByTestId("extension-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(student.email);
  await expect(row).toContainText("Extended");
  await expect(row).toContainText("Doctor's note");
  await page.screenshot({ path: testInfo.outputPath("extensions-panel.png"), fullPage: true });

  const res = await api.post(`/api/assignments/${assignmentId}/exercises/conv-output-shape/submissions`, { data: { code: SOLUTION, clientToken: `e2e-${randomUUID()}` } });
  expect(res.status()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  let view = { status: "queued", score: null as number | null, isLate: true, latePenalty: -1 };
  await expect
    .poll(
      async () => {
        view = (await (await api.get(`/api/submissions/${id}`)).json()) as typeof view;
        return view.status;
      },
      { timeout: 90_000, intervals: [500] },
    )
    .not.toMatch(/^(queued|running)$/);
  // 5 points in full: without the extension it would be 2 started days × 15 % off, 3.5.
  expect(view).toMatchObject({ status: "passed", score: 5, isLate: false, latePenalty: 0 });
  await api.dispose();
});

test("a TA allowed by the course sets a score by hand, the student reads the comment, and the Canvas CSV has it", async ({ page, browser, baseURL }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const ta = { name: `Tom ${randomUUID().slice(0, 6)}`, email: uniqueEmail("tom"), password: "ta-pass-123" };
  const taApi = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await taApi.post("/api/auth/sign-up/email", { data: ta })).status()).toBe(200);
  await confirmEmail(taApi, baseURL!, ta.email);
  expect((await taApi.post("/api/courses/join", { data: { code: DEMO_COURSE_CODE } })).status()).toBe(200);
  await taApi.dispose();

  await signIn(page, DEMO_INSTRUCTOR, `/instructor/courses/${seen.courseId}/roster`);
  const taRow = page.getByTestId("roster").getByRole("row", { name: new RegExp(ta.name) });
  await taRow.getByLabel(`Role of ${ta.name}`).selectOption("ta");
  await taRow.getByRole("button", { name: "Change role" }).click();
  await expect(taRow.getByRole("status")).toHaveText("The role was changed.");
  await page.goto(`/instructor/courses/${seen.courseId}`);
  await page.getByLabel("TAs may set students' scores by hand").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("The course was saved.")).toBeVisible();

  const taContext = await browser.newContext({ baseURL, locale: "en-US" });
  const taPage = await taContext.newPage();
  await signIn(taPage, ta, `/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}`);
  await taPage.getByTestId("progress-matrix").getByRole("link", { name: new RegExp(`^${seen.student.name}, ${SHAPE}`) }).click();
  await taPage.getByLabel("Score (out of 5)").fill("9");
  await taPage.getByLabel("Comment for the student (required, shown with the score)").fill("Copied the reference output; discussed in office hours.");
  await taPage.getByRole("button", { name: "Set score" }).click();
  await expect(taPage.getByText("9 is more than this exercise is worth (5 points). Nothing was changed.")).toHaveAttribute("role", "alert");
  await taPage.getByLabel("Score (out of 5)").fill("4");
  await taPage.getByRole("button", { name: "Set score" }).click();
  await expect(taPage.getByText("Score set. The student sees it with your comment.")).toBeVisible();
  await expect(taPage.getByTestId("current-override")).toContainText(`Set by ${ta.name}: 4 / 5`);
  await taContext.close();

  const studentContext = await browser.newContext({ baseURL, locale: "en-US" });
  const studentPage = await studentContext.newPage();
  await signIn(studentPage, seen.student, `/assignments/${seen.assignmentId}/conv-output-shape`);
  const notice = studentPage.getByTestId("score-override");
  await expect(notice).toContainText("set by hand by the course staff: 4 / 5");
  await expect(notice).toContainText("Copied the reference output; discussed in office hours.");
  await studentContext.close();

  await page.goto(`/instructor/courses/${seen.courseId}`);
  await page.getByTestId("grades-formats").getByText("Which format?").click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Canvas (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^convlab-grades-${DEMO_COURSE_CODE}-\\d{4}-\\d{2}-\\d{2}-canvas\\.csv$`));
  const rows = Papa.parse<string[]>(readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  const column = rows[0]!.indexOf(`${seen.title} (${seen.assignmentId})`);
  expect(rows[0]!.slice(0, 5)).toEqual(["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]);
  expect(column).toBeGreaterThan(4);
  expect([rows[1]![0], rows[1]![column]]).toEqual(["Points Possible", "5"]);
  expect(rows.find((row) => row[3] === seen.student.email)?.[column]).toBe("4");
});

test("staff land on their courses after sign-in; a student's course card opens that course's assignments", async ({ page, browser, baseURL }) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await expect(page).toHaveURL(/\/instructor$/);
  await expect(page.getByTestId("staff-courses")).toContainText(DEMO_COURSE_CODE);

  const studentContext = await browser.newContext({ baseURL, locale: "en-US" });
  const studentPage = await studentContext.newPage();
  await signIn(studentPage, seen.student);
  await expect(studentPage).toHaveURL(/\/$/);
  await studentPage.getByTestId("course-list").getByRole("link").first().click();
  await expect(studentPage).toHaveURL(/\/\?course=/);
  await expect(studentPage.getByRole("heading", { name: /^Assignments: / })).toBeVisible();
  await expect(studentPage.getByText(seen.title)).toBeVisible();
  await studentContext.close();
});

test("scores released on publish: the student sees 'submitted' until the instructor publishes; a points change re-scores the matrix", async ({ page, browser, baseURL }, testInfo) => {
  const now = Date.now();
  const title = `Published lab ${randomUUID().slice(0, 6)}`;
  await signIn(page, DEMO_INSTRUCTOR, `/instructor/courses/${seen.courseId}/assignments/new`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("checkbox", { name: SHAPE }).check();
  await page.getByLabel("Opens at").fill(shanghaiLocal(now - 2 * HOUR_MS));
  await page.getByLabel("Due at").fill(shanghaiLocal(now + 48 * HOUR_MS));
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await page.getByLabel("Scores and verdicts").selectOption({ label: "When staff publish the results" });
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress: ${title}`);
  const assignmentId = new URL(page.url()).pathname.split("/")[5]!;
  const release = page.getByTestId("results-release");
  await expect(release).toContainText("Results are not published");

  const studentContext = await browser.newContext({ baseURL, locale: "en-US" });
  const studentPage = await studentContext.newPage();
  await signIn(studentPage, seen.student, `/assignments/${assignmentId}/conv-output-shape`);
  await studentPage.getByRole("button", { name: "Submit", exact: true }).waitFor();
  const api = studentPage.request;
  const res = await api.post(`/api/assignments/${assignmentId}/exercises/conv-output-shape/submissions`, {
    data: { code: SOLUTION, clientToken: `e2e-${randomUUID()}` },
    headers: { origin: baseURL! },
  });
  expect(res.status()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  const poll = async () => (await (await api.get(`/api/submissions/${id}`)).json()) as { status: string; score: number | null; resultAfter: unknown };
  await expect.poll(async () => (await poll()).status, { timeout: 90_000, intervals: [500] }).not.toMatch(/^(queued|running)$/);
  expect(await poll()).toMatchObject({ status: "submitted", score: null, resultAfter: { kind: "publish" } });
  await studentPage.reload();
  await expect(studentPage.getByTestId("submission-history")).toContainText("Submitted");
  await studentPage.goto("/");
  const homeRow = studentPage.getByTestId("exercise-row-conv-output-shape").filter({ has: studentPage.locator(`a[href^="/assignments/${assignmentId}/"]`) });
  await expect(homeRow.getByTestId("exercise-status")).toHaveText("Submitted");
  await expect(homeRow).toContainText("when published");
  await studentPage.screenshot({ path: testInfo.outputPath("home-before-publish.png"), fullPage: true });

  await page.reload();
  await release.getByRole("button", { name: "Publish results" }).click();
  await expect(release.getByText("The results are published.")).toBeVisible();
  await expect(release).toContainText("Results published");
  expect(await poll()).toMatchObject({ status: "passed", score: 5, resultAfter: null });

  const studentRow = () => page.getByTestId("progress-matrix").getByRole("row", { name: new RegExp(seen.student.name) });
  await expect(studentRow()).toContainText("5 / 5");
  await page.goto(`/instructor/courses/${seen.courseId}/assignments/${assignmentId}/edit`);
  const scoring = page.getByTestId("scoring-conv-output-shape");
  await scoring.getByLabel("Points (empty: 5)").fill("10");
  await scoring.getByRole("button", { name: "Save" }).click();
  await expect(scoring.getByText("Saved; 1 graded submission re-scored.")).toBeVisible();
  await page.goto(`/instructor/courses/${seen.courseId}/assignments/${assignmentId}`);
  await expect(studentRow()).toContainText("10 / 10");
  await page.screenshot({ path: testInfo.outputPath("matrix-after-rescore.png"), fullPage: true });
  expect(await poll()).toMatchObject({ status: "passed", score: 10 });
  await studentContext.close();
});
