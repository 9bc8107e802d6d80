// The assignment analytics in Chromium against the production build and the real sandbox (issue 16):
// a new student of the demo course makes a diagnosed mistake and then passes; the instructor reads
// the analytics, where no two axis labels overlap at a phone's and a desktop's width (in English and
// Chinese), hovers the mistake's short title for its full sentence, opens the students who made it,
// and follows the link to the very submission that carried the mistake. A student asking for the
// drill-down gets "not found".
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { confirmEmail, DEMO_ASSIGNMENT_TITLE, DEMO_COURSE_CODE, DEMO_INSTRUCTOR, signIn, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });
test.describe.configure({ mode: "serial" });

const read = (file: string) => readFileSync(path.join("exercises", "conv-output-shape", file), "utf8");
const BUGGY = read("buggy/formula-without-plus-one.py");
const SOLUTION = read("solution.py");

/** Submits and waits for the grade; returns the submission id. */
async function submitAndWait(api: APIRequestContext, baseURL: string, assignmentId: string, code: string): Promise<string> {
  const res = await api.post(`/api/assignments/${assignmentId}/exercises/conv-output-shape/submissions`, {
    data: { code, clientToken: `e2e-${randomUUID()}` },
    headers: { origin: baseURL },
  });
  expect(res.status()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await expect
    .poll(async () => ((await (await api.get(`/api/submissions/${id}`)).json()) as { status: string }).status, { timeout: 90_000, intervals: [500] })
    .not.toMatch(/^(queued|running)$/);
  return id;
}

/** Every pair of axis labels, in every chart of the page, whose boxes intersect; and labels cut off at a figure's edge. */
async function labelProblems(page: Page): Promise<string[]> {
  return page.locator("figure").evaluateAll((figures) => {
    const problems: string[] = [];
    for (const figure of figures) {
      const frame = figure.getBoundingClientRect();
      const labels = [...figure.querySelectorAll(".recharts-cartesian-axis-tick-labels text")].map((text) => ({
        text: text.textContent ?? "",
        box: text.getBoundingClientRect(),
      }));
      for (const [i, a] of labels.entries()) {
        if (a.box.left < frame.left - 0.5 || a.box.right > frame.right + 0.5) problems.push(`"${a.text}" sticks out of its figure`);
        for (const b of labels.slice(i + 1)) {
          const overlaps = a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom;
          if (overlaps) problems.push(`"${a.text}" overlaps "${b.text}"`);
        }
      }
    }
    return problems;
  });
}

const seen = { courseId: "", assignmentId: "", buggyId: "", student: { name: "", email: "", password: "student-pass-1" } };

test("a student's mistake shows in the analytics by its short title, with labels that never overlap", async ({ page, baseURL }, testInfo) => {
  const student = seen.student;
  student.name = `Mia ${randomUUID().slice(0, 6)}`;
  student.email = uniqueEmail("mia");
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await api.post("/api/auth/sign-up/email", { data: student })).status()).toBe(200);
  await confirmEmail(api, baseURL!, student.email);
  expect((await api.post("/api/courses/join", { data: { code: DEMO_COURSE_CODE } })).status()).toBe(200);

  await signIn(page, DEMO_INSTRUCTOR, "/instructor");
  await page.getByTestId("staff-courses").getByRole("link").first().click();
  await expect(page.getByTestId("join-code")).toHaveText(DEMO_COURSE_CODE);
  seen.courseId = new URL(page.url()).pathname.split("/")[3]!;
  await page.getByRole("link", { name: DEMO_ASSIGNMENT_TITLE }).first().click();
  await page.waitForURL(/\/assignments\/[^/]+$/);
  seen.assignmentId = new URL(page.url()).pathname.split("/")[5]!;

  seen.buggyId = await submitAndWait(api, baseURL!, seen.assignmentId, BUGGY);
  await submitAndWait(api, baseURL!, seen.assignmentId, SOLUTION);
  await api.dispose();

  const analyticsPath = `/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}/analytics`;
  for (const [locale, width] of [
    ["en", 1440],
    ["en", 390],
    ["zh-CN", 390],
  ] as const) {
    await page.context().addCookies([{ name: "convlab-locale", value: locale, url: baseURL! }]);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(analyticsPath);
    const mistakes = page.getByTestId("mistakes-conv-output-shape");
    await expect(page.getByTestId("pass-rate-chart").locator(".recharts-cartesian-axis-tick-labels text").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`analytics-${locale}-${width}.png`), fullPage: true });
    await expect(mistakes.locator(".recharts-cartesian-axis-tick-labels text").first()).toBeVisible();
    // The short title on the axis, never the grader's whole sentence.
    // (Lines of a wrapped label are separate tspans, so spaces at the breaks are not in the text.)
    const axisText = (await mistakes.locator(".recharts-yAxis-tick-labels").textContent())!.replace(/\s/g, "");
    expect(axisText).toBe(locale === "en" ? "Missing+1informula" : "公式缺少+1");
    expect(await labelProblems(page), `${locale} at ${width} px`).toEqual([]);
  }

  await page.context().addCookies([{ name: "convlab-locale", value: "en", url: baseURL! }]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(analyticsPath);
  const mistakes = page.getByTestId("mistakes-conv-output-shape");
  // The full sentence on hover, and in the table that starts open.
  await mistakes.locator(".recharts-bar-rectangle").first().hover();
  await expect(mistakes.locator(".recharts-tooltip-wrapper")).toContainText("+ 1");
  await expect(mistakes.locator(".recharts-tooltip-wrapper")).not.toHaveText(/^Missing \+ 1 in formula/);
  const row = mistakes.getByRole("row", { name: /Missing \+ 1 in formula/ });
  await expect(row.getByRole("rowheader")).toContainText("formula-without-plus-one");
  await page.screenshot({ path: testInfo.outputPath("analytics-hover.png"), fullPage: true });
  await row.getByRole("link", { name: /Students who made it/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Missing \+ 1 in formula: /);
  const list = page.getByTestId("mistake-students");
  const studentRow = list.getByRole("row", { name: new RegExp(student.name) });
  await expect(studentRow).toContainText("gone (passed)");
  await expect(studentRow.getByRole("cell").first()).toHaveText("1");
  await page.screenshot({ path: testInfo.outputPath("mistake-students.png"), fullPage: true });
  await studentRow.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(student.name);
  // The link opens the submission that carried the mistake, not the latest (passing) one.
  await expect(page.getByRole("combobox", { name: "Result of" })).toHaveValue(seen.buggyId);
  await page.screenshot({ path: testInfo.outputPath("submission-from-drill-down.png"), fullPage: true });
});

test("a student asking for the drill-down gets not found", async ({ page }) => {
  await signIn(page, seen.student, "/");
  const res = await page.goto(`/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}/analytics/conv-output-shape/formula-without-plus-one`);
  expect(res?.status()).toBe(404);
});
