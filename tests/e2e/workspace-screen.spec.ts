// The exercise page as a screen to work in, in Chromium at 1440×900 and on a 390×844 phone: Run
// and Submit in view on load; after a verdict its heading is focused and in view, and the error's
// line is marked in the editor; the starter under hidden-case details still shows
// NotImplementedError and its line; feedback survives a reload and every history entry shows its
// own; the attempts counter, a syntax error that costs no attempt and the closed Submit at the
// cap; the dark theme (a toggle, persisted, and prefers-color-scheme) with Monaco following; no
// sideways page scroll on a phone; the staff's view of the student with the same history; text
// typed into the editor before the page's scripts have run is kept.
// Screenshots of each state go to test-results/.
import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { DEMO_INSTRUCTOR, DEMO_STUDENT, expect, setEditorText, signIn, test } from "./helpers";

test.use({ locale: "en-US" });

const exerciseFile = (name: string) => readFileSync(path.join("exercises", "convolution", name), "utf8");
const STARTER = exerciseFile("starter.py");
const CORRECT = exerciseFile("solution.py");
const STARTER_RAISE_LINE = STARTER.split("\n").findIndex((line) => line.includes("raise NotImplementedError")) + 1;
const SYNTAX_ERROR = "def convolution(img, kernel, padding=1, stride=1):\n    return img[\n";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const HOUR_MS = 60 * 60 * 1000;
/** "YYYY-MM-DDTHH:mm" in UTC, as the form's datetime-local inputs take it with the UTC time zone. */
const utcLocal = (ms: number) => new Date(ms).toISOString().slice(0, 16);

const shared = { assignmentId: "", courseId: "" };

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

async function waitForMonaco(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__convlabEditor?.isMonacoReady() === true, undefined, { timeout: 30_000 });
}

/** Submits what the editor holds and waits for the verdict's announcement. */
async function submitAndWait(page: Page): Promise<void> {
  const announcement = page.getByTestId("results-announcement");
  await page.getByRole("button", { name: "Submit" }).click();
  // emptied while the submission is graded, so the same verdict twice is still a change
  await expect(announcement).toBeEmpty();
  await expect(announcement).toHaveText(/^Submission graded: /, { timeout: 90_000 });
}

test("at 1440×900: toolbar in view, verdict focused, errors with their line, feedback that stays, attempts, dark theme", async ({ page }, testInfo) => {
  await page.setViewportSize(DESKTOP);
  // A new assignment with a cap of two attempts; hidden-case data waits for the due date and scores show at once, as for any new one.
  await signIn(page, DEMO_INSTRUCTOR);
  await page.getByRole("link", { name: "Instructor", exact: true }).click();
  await page.getByTestId("staff-courses").getByRole("link").first().click();
  await page.getByRole("link", { name: "New assignment" }).click();
  await page.getByLabel("Title", { exact: true }).fill(`Screen ${randomUUID().slice(0, 6)}`);
  await page.getByRole("checkbox", { name: /^Convolution of one channel \(/ }).check();
  await page.getByLabel("Opens at").fill(utcLocal(Date.now() - HOUR_MS));
  await page.getByLabel("Due at").fill(utcLocal(Date.now() + 48 * HOUR_MS));
  await page.getByLabel("Time zone").selectOption("UTC");
  await page.getByLabel("Maximum attempts per exercise").fill("2");
  await expect(page.getByLabel("Data of hidden cases (inputs, expected and returned values, printed output)")).toHaveValue("after_due");
  await expect(page.getByLabel("Scores and verdicts")).toHaveValue("immediately");
  await expect(page.getByRole("checkbox", { name: "A submission whose file does not load uses no attempt" })).toBeChecked();
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Progress: Screen /);
  const matrixPath = new URL(page.url()).pathname.split("/"); // /instructor/courses/:courseId/assignments/:assignmentId
  shared.courseId = matrixPath[3]!;
  shared.assignmentId = matrixPath[5]!;
  await page.context().clearCookies();

  await signIn(page, DEMO_STUDENT, `/assignments/${shared.assignmentId}/convolution`);
  const run = page.getByRole("button", { name: "Run samples" });
  const submit = page.getByRole("button", { name: "Submit" });
  await expect(run).toBeInViewport();
  await expect(submit).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(submit).toHaveAttribute("aria-keyshortcuts", /Control\+Shift\+Enter/);
  await expect(page.getByTestId("attempts")).toHaveText("2 of 2 attempts left");
  await expect(page.getByTestId("editor-hint")).toContainText("Esc, then Tab");
  await waitForMonaco(page);
  await snapshot(page, testInfo, "desktop-1-on-load");
  await expectNoSeriousA11yViolations(page);

  // The starter, as it comes: every hidden case raises, and the type and line show anyway.
  expect(await page.evaluate(() => window.__convlabEditor!.getValue())).toBe(STARTER);
  await submitAndWait(page);
  const verdict = page.getByTestId("verdict-heading");
  await expect(verdict).toBeFocused();
  await expect(verdict).toBeInViewport();
  const panel = page.getByTestId("results-panel");
  await expect(panel.getByTestId("hidden-details-notice")).toBeVisible();
  await expect(panel.getByRole("table")).toContainText(`Error: raised NotImplementedError at line ${STARTER_RAISE_LINE}.`);
  await expect(panel.getByRole("table").getByText("Failed", { exact: true })).toHaveCount(0);
  // the raising line is marked in Monaco, and visible with the verdict
  const marked = page.locator(".monaco-editor .squiggly-error");
  await expect(marked.first()).toBeVisible();
  await expect(marked.first()).toBeInViewport();
  await expect(page.getByTestId("attempts")).toHaveText("1 of 2 attempts left");
  await snapshot(page, testInfo, "desktop-2-starter-submitted");

  // A file that does not load: the error and its line, and no attempt used.
  await setEditorText(page, SYNTAX_ERROR);
  await submitAndWait(page);
  await expect(page.getByTestId("verdict-heading")).toBeFocused();
  await expect(panel.getByTestId("result-message")).toContainText("(line 2)");
  await expect(page.getByTestId("attempts")).toHaveText("1 of 2 attempts left");
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeVisible();

  // After a reload the newest submission's feedback is there; each history entry shows its own.
  await page.reload();
  await expect(page.getByTestId("results")).toContainText("Submission 2");
  await expect(panel.getByTestId("result-message")).toContainText("(line 2)");
  await expect(page.getByRole("heading", { name: "Your submissions" })).toHaveCount(1);
  const history = page.getByTestId("submission-history");
  await history.getByRole("button", { name: /Submission 1/ }).click();
  await expect(history.getByRole("button", { name: /Submission 1/ })).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("results")).toContainText("Submission 1");
  await expect(panel.getByRole("table")).toContainText("NotImplementedError");
  await expect(history).toContainText("This is your first submission");
  await snapshot(page, testInfo, "desktop-3-history-entry");

  // The last attempt: afterwards Submit is closed, with the reason beside it.
  await setEditorText(page, CORRECT);
  await submitAndWait(page);
  await expect(page.getByTestId("verdict-heading")).toContainText("Score: 10 / 10");
  await expect(history.getByRole("button", { name: /Submission 3/ })).toHaveAttribute("aria-current", "true");
  await expect(history).not.toContainText("This is your first submission");
  await expect(page.getByTestId("attempts")).toHaveText("All 2 attempts used: Submit is closed. Run still works.");
  await expect(submit).toBeDisabled();
  await expect(run).toBeEnabled();
  await snapshot(page, testInfo, "desktop-4-attempts-used-up");

  // Dark: the toggle, kept across a reload, Monaco with it.
  await page.getByRole("switch", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await waitForMonaco(page);
  await expect(page.locator(".monaco-editor.vs-dark")).toBeVisible();
  await snapshot(page, testInfo, "desktop-5-dark");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("switch", { name: "Dark theme" }).click();
  await expect(page.locator(".monaco-editor.vs")).toBeVisible();
});

test("on a 390×844 phone: tabs, Results selected on a verdict, no sideways scroll, dark by system preference", async ({ browser }, testInfo) => {
  test.skip(!shared.assignmentId, "needs the assignment of the desktop test");
  const context = await browser.newContext({ viewport: PHONE, locale: "en-US", colorScheme: "dark", hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, DEMO_STUDENT, `/assignments/${shared.assignmentId}/convolution`);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Run samples" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Submit" })).toBeInViewport();
  await expect(page.getByRole("tab", { name: "Task" }).first()).toHaveAttribute("aria-selected", "true");
  await expectNoSidewaysScroll(page);
  await snapshot(page, testInfo, "phone-1-on-load-dark");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("tab", { name: "Code" }).click();
  await expect(page.getByTestId("code-editor")).toBeInViewport();
  await setEditorText(page, STARTER);
  await page.getByRole("button", { name: "Run samples" }).click();
  await expect(page.getByTestId("results-announcement")).toHaveText(/^\d+ of \d+ sample cases pass, /, { timeout: 60_000 });
  await expect(page.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
  const verdict = page.getByTestId("verdict-heading");
  await expect(verdict).toBeFocused();
  await expect(verdict).toBeInViewport();
  await expect(page.getByTestId("results-panel").getByRole("table")).toContainText("NotImplementedError");
  await expectNoSidewaysScroll(page);
  await snapshot(page, testInfo, "phone-2-results");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("switch", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await snapshot(page, testInfo, "phone-3-results-light");
  await expectNoSeriousA11yViolations(page);

  // The instructor's progress matrix scrolls inside its own box.
  await context.clearCookies();
  await signIn(page, DEMO_INSTRUCTOR, `/instructor/courses/${shared.courseId}/assignments/${shared.assignmentId}`);
  await expect(page.getByTestId("progress-matrix")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await snapshot(page, testInfo, "phone-4-progress-matrix");
  await expectNoSeriousA11yViolations(page);

  // The staff's view of the student: the same history under its own title, one selection for the list and "Result of".
  await page.getByRole("link", { name: /^Demo Student, Convolution of one channel: / }).click();
  await expect(page.getByRole("heading", { name: "Submissions", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your submissions" })).toHaveCount(0);
  const resultOf = page.getByRole("combobox", { name: "Result of" });
  await expect(resultOf.locator("option:checked")).toHaveText(/^Submission 3 /);
  await page.getByTestId("submission-history").getByRole("button", { name: /Submission 1/ }).click();
  await expect(resultOf.locator("option:checked")).toHaveText(/^Submission 1 /);
  await expect(page.getByTestId("results-panel").getByRole("table")).toContainText("NotImplementedError");
  await expectNoSidewaysScroll(page);
  await snapshot(page, testInfo, "phone-5-staff-view");
  await context.close();
});

test("what a student types before the page's scripts have run is kept: it reaches Monaco and the saved draft", async ({ page }) => {
  test.skip(!shared.assignmentId, "needs the assignment of the desktop test");
  await page.setViewportSize(DESKTOP);
  await signIn(page, DEMO_STUDENT);
  // Every script is held back until the student has typed, so the page is only the server's HTML.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`/assignments/${shared.assignmentId}/convolution`, { waitUntil: "commit" });
  const textarea = page.locator("textarea[data-keep-typed]");
  await expect(textarea).toBeVisible();
  await textarea.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n# typed before hydration");
  expect(await page.evaluate(() => window.__convlabEditor)).toBeUndefined();
  const typed = await textarea.inputValue();
  expect(typed).toMatch(/\n# typed before hydration$/);

  release();
  await waitForMonaco(page);
  expect(await page.evaluate(() => window.__convlabEditor!.getValue())).toBe(typed);
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await page.unrouteAll();
  await page.reload();
  await waitForMonaco(page);
  expect(await page.evaluate(() => window.__convlabEditor!.getValue())).toBe(typed);
});
