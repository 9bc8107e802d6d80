// The instructor's side in Chromium against the production build and the real sandbox: the demo
// instructor sets a late assignment, a student submits a wrong and then a right answer, the
// progress matrix, the submission drill-down and the analytics show it, the CSV holds the score
// after the late penalty, a regrade restores a score that went wrong and reports it; the roster
// makes a TA, who may look but not export; an assignment that keeps hidden-case data until the
// due date keeps it from the student but not from the instructor; and every instructor page and
// route refuses students.
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { resolveDatabaseConfig } from "../../prisma/database-url";
import { confirmEmail, DEMO_COURSE_CODE, DEMO_INSTRUCTOR, expect, setEditorText, signIn, test, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });
test.describe.configure({ mode: "serial" });

const SHAPE = "Output shape of a convolution layer";
const exerciseFile = (name: string) => readFileSync(path.join("exercises", "conv-output-shape", name), "utf8");
const SOLUTION = exerciseFile("solution.py");
const BUGGY = exerciseFile("buggy/formula-without-plus-one.py");
const FLIPPED_KERNEL = readFileSync(path.join("exercises", "convolution", "buggy", "flipped-kernel.py"), "utf8");
const HOUR_MS = 60 * 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** What the tests learn as they go, for the permission checks at the end. */
const seen = { courseId: "", assignmentId: "", studentId: "", jobId: "", assignmentTitle: `Late lab ${randomUUID().slice(0, 6)}` };
const student = { name: `Sam ${randomUUID().slice(0, 6)}`, email: uniqueEmail("sam"), password: "student-pass-1" };

/** "YYYY-MM-DDTHH:mm" on Shanghai's wall clock (UTC+8 all year), as a datetime-local input takes it. */
const shanghaiLocal = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);

function baseURL(): string {
  return test.info().project.use.baseURL!;
}

async function newApiSession(who: { email: string; password: string; name?: string }, signUp = false): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: { origin: baseURL() } });
  const res = signUp ? await context.post("/api/auth/sign-up/email", { data: who }) : await context.post("/api/auth/sign-in/email", { data: who });
  expect(res.status()).toBe(200);
  return context;
}

async function submitAndWait(api: APIRequestContext, code: string): Promise<{ id: string; status: string; score: number | null }> {
  const res = await api.post(`/api/assignments/${seen.assignmentId}/exercises/conv-output-shape/submissions`, { data: { code, clientToken: `e2e-${randomUUID()}` } });
  expect(res.status()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  let view = { id, status: "queued", score: null as number | null };
  await expect
    .poll(
      async () => {
        view = (await (await api.get(`/api/submissions/${id}`)).json()) as typeof view;
        return view.status;
      },
      { timeout: 90_000, intervals: [500] },
    )
    .not.toMatch(/^(queued|running)$/);
  return view;
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

/** Stands in for a grader whose reference was wrong: the stored grade no longer matches the code. */
function corruptStoredScore(submissionId: string): void {
  const filePath = resolveDatabaseConfig(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "file:./data/e2e.db").filePath!;
  const connection = new Database(filePath, { timeout: 5000 });
  try {
    expect(connection.prepare("UPDATE submission SET score = 1, status = 'failed' WHERE id = ?").run(submissionId).changes).toBe(1);
  } finally {
    connection.close();
  }
}

test("the instructor sets a late assignment, follows a student's work, exports grades and regrades", async ({ page }, testInfo) => {
  const snapshot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  page.on("dialog", (dialog) => void dialog.accept());
  const studentApi = await newApiSession(student, true);
  await confirmEmail(studentApi, baseURL(), student.email);
  expect((await studentApi.post("/api/courses/join", { data: { code: DEMO_COURSE_CODE } })).status()).toBe(200);

  await signIn(page, DEMO_INSTRUCTOR);
  await page.getByRole("link", { name: "Instructor", exact: true }).click();
  await page.getByTestId("staff-courses").getByRole("link").first().click();
  await expect(page.getByTestId("join-code")).toHaveText(DEMO_COURSE_CODE);
  seen.courseId = new URL(page.url()).pathname.split("/")[3]!;
  await snapshot("course-overview");
  await expectNoSeriousA11yViolations(page);

  // Opened three days ago, due 30 hours ago in Shanghai time: a submission now is two started days late.
  await page.getByRole("link", { name: "New assignment" }).click();
  const now = Date.now();
  await page.getByLabel("Title", { exact: true }).fill(seen.assignmentTitle);
  await page.getByRole("checkbox", { name: SHAPE }).check();
  await page.getByLabel("Opens at").fill(shanghaiLocal(now - 72 * HOUR_MS));
  await page.getByLabel("Due at").fill(shanghaiLocal(now - 30 * HOUR_MS));
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await page.getByLabel("Accept late submissions").check();
  await page.getByLabel("Late penalty per started day (%)").fill("15");
  await snapshot("assignment-form");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress: ${seen.assignmentTitle}`);
  await expect(page.getByText(/Due .*GMT\+8/)).toBeVisible();
  seen.assignmentId = new URL(page.url()).pathname.split("/")[5]!;

  const wrong = await submitAndWait(studentApi, BUGGY);
  expect(wrong.status).toBe("failed");
  const right = await submitAndWait(studentApi, SOLUTION);
  // 5 points, 2 days × 15 % off.
  expect([right.status, right.score]).toEqual(["passed", 3.5]);

  await page.reload();
  const matrix = page.getByTestId("progress-matrix");
  const cell = matrix.getByRole("link", { name: new RegExp(`^${student.name}, ${SHAPE}: passed, 3\\.5 / 5\\b`) });
  await expect(cell).toBeVisible();
  await expect(cell).toContainText("2 attempts");
  await expect(cell).toContainText("late");
  await page.getByLabel("Search students").fill(student.name);
  await expect(page.getByText("Showing 1 of")).toBeVisible();
  await page.getByLabel("Show", { exact: true }).selectOption({ label: "Tried but not passed" });
  await expect(page.getByText("No student matches these filters.")).toBeVisible();
  await page.getByLabel("Show", { exact: true }).selectOption({ label: "Late" });
  await expect(cell).toBeVisible();
  const studentHeader = matrix.getByRole("columnheader", { name: /Student/ });
  await expect(studentHeader).toHaveAttribute("aria-sort", "ascending");
  await studentHeader.getByRole("button").click();
  await expect(studentHeader).toHaveAttribute("aria-sort", "descending");
  await snapshot("progress-matrix");
  await expectNoSeriousA11yViolations(page);

  await cell.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${student.name}: ${SHAPE}`);
  seen.studentId = new URL(page.url()).pathname.split("/")[7]!;
  await expect(page.getByTestId("submission-history").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText("Late: 30% off, so it counts 3.5 of 5.")).toBeVisible();
  await expect(page.getByTestId("results-panel").getByTestId("verdict")).toContainText("Passed");
  await page.getByRole("combobox", { name: "Result of" }).selectOption({ index: 1 });
  await expect(page.getByTestId("results-panel")).toContainText("What probably went wrong");
  await snapshot("student-submissions");

  await page.goto(`/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}/analytics`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Analytics: ${seen.assignmentTitle}`);
  await expect(page.getByTestId("pass-rate-chart").locator("svg.recharts-surface")).toBeVisible();
  await page.getByTestId("pass-rate-chart").getByText("Show the data as a table").click();
  // Tried, passed, pass rate, median attempts to pass, median time to pass.
  await expect(page.getByTestId("pass-rate-table").getByRole("row", { name: new RegExp(SHAPE) }).getByRole("cell")).toHaveText(["1", "1", "100%", "2", "0 min"]);
  const mistakes = page.getByTestId("mistakes-conv-output-shape");
  await expect(mistakes.locator("svg.recharts-surface")).toBeVisible();
  // the mistakes' table is open from the start: the axis has only short titles, the table the full sentence and code
  await expect(mistakes.getByRole("table")).toContainText("formula-without-plus-one");
  await snapshot("analytics");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Overview" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-grades").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^convlab-grades-${DEMO_COURSE_CODE}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  expect(rows.find((row) => row.Email === student.email)).toMatchObject({ Name: student.name, [seen.assignmentTitle]: "3.5" });

  corruptStoredScore(right.id);
  await page.getByRole("link", { name: "Regrades" }).click();
  await page.getByLabel("Exercise", { exact: true }).selectOption({ label: SHAPE });
  await page.getByLabel("Students", { exact: true }).selectOption({ label: `${student.name} (${student.email})` });
  await page.getByRole("button", { name: "Start regrade" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Regrade of ${SHAPE}`);
  seen.jobId = new URL(page.url()).pathname.split("/")[5]!;
  await expect(page.getByTestId("regrade-status")).toHaveText("Finished — 2 of 2 submissions regraded", { timeout: 90_000 });
  await expect(page.getByTestId("regrade-summary")).toHaveText("1 changed, 1 unchanged, 0 could not be regraded.");
  await snapshot("regrade-report");
  await expect(page.getByTestId("regrade-changes").getByRole("row", { name: new RegExp(student.name) }).getByRole("cell")).toHaveText(["2", "1 (Failed)", "3.5 (Passed)"]);
  await expectNoSeriousA11yViolations(page);
  const status = (await (await studentApi.get(`/api/submissions/${right.id}`)).json()) as { score: number; attempt: number };
  expect([status.score, status.attempt]).toEqual([3.5, 2]);
  await studentApi.dispose();
});

test("the roster makes a TA, who may look but not export; the instructor removes and adds back a student", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const ta = { name: `Tia ${randomUUID().slice(0, 6)}`, email: uniqueEmail("tia"), password: "ta-pass-123" };
  const taApi = await newApiSession(ta, true);
  await confirmEmail(taApi, baseURL(), ta.email);
  expect((await taApi.post("/api/courses/join", { data: { code: DEMO_COURSE_CODE } })).status()).toBe(200);

  await signIn(page, DEMO_INSTRUCTOR, `/instructor/courses/${seen.courseId}/roster`);
  const roster = page.getByTestId("roster");
  const taRow = roster.getByRole("row", { name: new RegExp(ta.name) });
  await taRow.getByLabel(`Role of ${ta.name}`).selectOption("ta");
  await taRow.getByRole("button", { name: "Change role" }).click();
  await expect(taRow.getByRole("status")).toHaveText("The role was changed.");
  await expectNoSeriousA11yViolations(page);

  expect((await taApi.get(`/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}`)).status()).toBe(200);
  expect((await taApi.get(`/api/instructor/regrade-jobs/${seen.jobId}`)).status()).toBe(200);
  const refused = await taApi.get(`/api/instructor/courses/${seen.courseId}/grades`);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "Only the course's instructors can do this." } });
  expect((await taApi.get(`/instructor/courses/${seen.courseId}/assignments/new`)).status()).toBe(404);

  const studentRow = () => roster.getByRole("row", { name: new RegExp(student.name) });
  await studentRow().getByRole("button", { name: `Remove: ${student.name}` }).click();
  await expect(studentRow()).toContainText("Removed");
  await studentRow().getByRole("button", { name: `Add back: ${student.name}` }).click();
  await expect(studentRow()).toContainText("Active");
  await taApi.dispose();
});

test("the instructor area speaks Simplified Chinese", async ({ page }) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.context().addCookies([{ name: "convlab-locale", value: "zh-CN", url: baseURL() }]);
  await page.goto(`/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`进度：${seen.assignmentTitle}`);
  await expect(page.getByRole("navigation", { name: "课程栏目" })).toContainText("成员");
  await expect(page.getByTestId("progress-matrix").getByRole("columnheader", { name: /卷积层的输出形状/ })).toBeVisible();
});

test("before the due date a student's Submit shows which hidden cases failed but not their data; the instructor sees it all", async ({ page, browser }, testInfo) => {
  const title = `Hidden data ${randomUUID().slice(0, 6)}`;
  await signIn(page, DEMO_INSTRUCTOR, `/instructor/courses/${seen.courseId}/assignments/new`);
  const now = Date.now();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("checkbox", { name: /^Convolution of one channel \(/ }).check();
  await page.getByLabel("Opens at").fill(shanghaiLocal(now - HOUR_MS));
  await page.getByLabel("Due at").fill(shanghaiLocal(now + 48 * HOUR_MS));
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  // New assignments keep hidden-case data until each student's due date, and show scores at once.
  await expect(page.getByLabel("Data of hidden cases (inputs, expected and returned values, printed output)")).toHaveValue("after_due");
  await expect(page.getByLabel("Scores and verdicts")).toHaveValue("immediately");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress: ${title}`);
  const assignmentId = new URL(page.url()).pathname.split("/")[5]!;

  const studentContext = await browser.newContext({ locale: "en-US" });
  const studentPage = await studentContext.newPage();
  await signIn(studentPage, student, `/assignments/${assignmentId}/convolution`);
  await setEditorText(studentPage, FLIPPED_KERNEL);
  const posted = studentPage.waitForResponse((res) => res.url().endsWith("/exercises/convolution/submissions") && res.request().method() === "POST");
  await studentPage.getByRole("button", { name: "Submit" }).click();
  const { id } = (await (await posted).json()) as { id: string };
  const announcement = studentPage.getByTestId("results-announcement");
  await expect(announcement).toHaveText(/^Submission graded: [\d.]+ of 10, failed — You flipped the kernel\.$/, { timeout: 90_000 });
  const panel = studentPage.getByTestId("results-panel");
  await expect(panel.getByTestId("hidden-details-notice")).toHaveText(
    /^Your instructor shows the data of hidden cases, and what your code printed while they ran, after the due date \(.*GMT\+8\)\. Use “Run samples” to see full details on the sample cases\.$/,
  );
  await expect(panel).toContainText("You flipped the kernel");
  await expect(panel.getByRole("img")).toHaveCount(0);
  await expect(panel).not.toContainText("First wrong value at index");
  await studentPage.screenshot({ path: testInfo.outputPath("submission-with-hidden-data.png"), fullPage: true });
  await expectNoSeriousA11yViolations(studentPage);
  // Not hidden by the page but never sent: what the browser can fetch has no case data.
  const sent = await (await studentPage.request.get(`/api/submissions/${id}`)).text();
  expect(sent).toContain('"detailsHiddenUntil"');
  for (const key of ['"values"', '"firstWrong"', '"img.shape"']) expect(sent).not.toContain(key);

  // Runs on the sample cases still show everything, heatmaps included.
  await studentPage.getByRole("button", { name: "Run samples" }).click();
  await expect(announcement).toHaveText(/^\d+ of \d+ sample cases pass, /, { timeout: 60_000 });
  await expect(panel.getByRole("img").first()).toBeVisible();
  await expect(panel.getByTestId("hidden-details-notice")).toHaveCount(0);
  await studentContext.close();

  await page.goto(`/instructor/courses/${seen.courseId}/assignments/${assignmentId}/students/${seen.studentId}/convolution`);
  const staffPanel = page.getByTestId("results-panel");
  await expect(staffPanel.getByTestId("verdict")).toContainText("Failed");
  await expect(staffPanel.getByRole("img").first()).toBeVisible();
  await expect(staffPanel.getByTestId("hidden-details-notice")).toHaveCount(0);
});

test("every instructor page and route refuses students and signed-out visitors", async () => {
  const course = `/instructor/courses/${seen.courseId}`;
  const assignment = `${course}/assignments/${seen.assignmentId}`;
  const pages = [
    "/instructor",
    course,
    `${course}/roster`,
    `${course}/regrades`,
    `${course}/regrades/${seen.jobId}`,
    `${course}/assignments/new`,
    assignment,
    `${assignment}/edit`,
    `${assignment}/analytics`,
    `${assignment}/students/${seen.studentId}/conv-output-shape`,
  ];
  const routes = [`/api/instructor/courses/${seen.courseId}/grades`, `/api/instructor/regrade-jobs/${seen.jobId}`];
  // The ids come from the tests above; an empty one would test the wrong URLs.
  expect(Object.entries(seen).filter(([, value]) => !value)).toEqual([]);

  const studentApi = await newApiSession(student);
  for (const url of pages) {
    const res = await studentApi.get(url);
    expect([url, res.status()]).toEqual([url, 404]);
    expect(await res.text()).not.toContain(seen.assignmentTitle);
  }
  for (const url of routes) {
    const res = await studentApi.get(url);
    expect([url, res.status()]).toEqual([url, 404]);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  }
  await studentApi.dispose();

  const visitor = await playwrightRequest.newContext({ baseURL: baseURL() });
  for (const url of pages) {
    const res = await visitor.get(url, { maxRedirects: 0 });
    expect([url, [302, 303, 307, 308].includes(res.status())]).toEqual([url, true]);
    expect(res.headers()["location"]).toContain("/sign-in");
  }
  for (const url of routes) expect([url, (await visitor.get(url)).status()]).toEqual([url, 401]);
  await visitor.dispose();
});
