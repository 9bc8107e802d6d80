// Code similarity in Chromium against the production build: five students' conv2d answers (three
// disguised copies of one answer, two independent ones) are stored in the demo course; the demo
// instructor computes a report on the grading queue, narrows the pairs with the slider, reads
// the cluster and the side-by-side view with matched lines, and follows a student's submission
// history; the page reads in Chinese too; the demo student gets "not found".
import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createPrismaClient } from "../../src/server/db-client";
import { DEMO_ASSIGNMENT_TITLE, DEMO_COURSE_CODE, DEMO_INSTRUCTOR, DEMO_STUDENT, expect, signIn, test } from "./helpers";

const corpus = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/similarity-corpus", `${name}.py`), "utf8");
const ANSWERS = [
  { name: "Sim Ada", file: "original" },
  { name: "Sim Ben", file: "renamed" },
  { name: "Sim Cai", file: "padded" },
  { name: "Sim Dan", file: "vectorised" },
  { name: "Sim Eve", file: "im2col" },
];

const seen = { courseId: "", assignmentId: "", exerciseTitle: "", reportUrl: "" };

test.beforeAll(async () => {
  const db = createPrismaClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "file:./data/e2e.db");
  try {
    const course = await db.course.findFirstOrThrow({ where: { code: DEMO_COURSE_CODE } });
    const assignment = await db.assignment.findFirstOrThrow({ where: { courseId: course.id, title: DEMO_ASSIGNMENT_TITLE } });
    const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: "conv2d" } });
    Object.assign(seen, { courseId: course.id, assignmentId: assignment.id, exerciseTitle: exercise.title });
    for (const answer of ANSWERS) {
      const user = await db.user.create({
        data: { name: answer.name, email: `${answer.file}-${randomUUID().slice(0, 8)}@convlab.test`, emailVerified: true },
      });
      await db.enrollment.create({ data: { courseId: course.id, userId: user.id, role: "student" } });
      await db.submission.create({
        data: {
          userId: user.id,
          courseId: course.id,
          assignmentId: assignment.id,
          exerciseId: exercise.id,
          code: corpus(answer.file),
          seed: 1,
          mode: "submit",
          status: "passed",
          score: 1,
          maxScore: 1,
          attempt: 1,
        },
      });
    }
  } finally {
    await db.$disconnect();
  }
});

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

test("the instructor computes a similarity report and reads the evidence", async ({ page }, testInfo) => {
  const snapshot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto(`/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}`);
  await page.getByRole("link", { name: "Code similarity" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Code similarity: ${DEMO_ASSIGNMENT_TITLE}`);
  await expect(page.getByTestId("similarity-explanation")).toContainText("not a verdict");
  await page.getByLabel("Exercise").selectOption({ label: seen.exerciseTitle });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Compute report" }).click();

  // The grading queue takes the report; the page follows it until it is done.
  await expect(page.getByTestId("similarity-status")).toHaveText(/Done: 5 answers/, { timeout: 60_000 });
  seen.reportUrl = new URL(page.url()).pathname;
  const rows = page.getByTestId("similarity-pairs").locator("tbody tr");
  // At the default 70%: the three copies of Ada's answer pair up with each other, nobody else.
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).not.toContainText(/Sim Dan|Sim Eve/);
  const slider = page.getByTestId("similarity-threshold");
  // Keys, as a person moves a slider (and so React sees every change).
  await slider.focus();
  await page.keyboard.press("End");
  await expect(page.getByText("Show pairs at or above 100% similarity")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Sim Ada");
  await expect(rows.first()).toContainText("Sim Ben");
  await page.keyboard.press("Home");
  await expect(page.getByText("Show pairs at or above 30% similarity")).toBeVisible();
  await expect(rows).not.toHaveCount(3);
  for (let step = 0; step < 40; step += 1) await page.keyboard.press("ArrowRight");
  await expect(page.getByText("Show pairs at or above 70% similarity")).toBeVisible();
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId("similarity-clusters")).toHaveText(/Cluster 1:.*Sim Ada/);
  await expect(page.getByTestId("similarity-clusters").locator("li")).toHaveCount(1);
  for (const name of ["Sim Ada", "Sim Ben", "Sim Cai"]) await expect(page.getByTestId("similarity-clusters")).toContainText(name);
  await snapshot("similarity-report");

  await rows.first().getByRole("link", { name: "Side by side" }).click();
  await expect(page.getByRole("heading", { name: /Side by side: \d+% similar/ })).toBeVisible();
  for (const side of ["similarity-left", "similarity-right"]) {
    const matched = page.getByTestId(side).locator('[data-matched="true"]');
    expect(await matched.count()).toBeGreaterThan(8);
    // The starter's docstring (lines 5–9) is never highlighted.
    await expect(page.getByTestId(side).locator("pre > div").nth(5)).not.toHaveAttribute("data-matched", "true");
  }
  await expectNoSeriousA11yViolations(page);
  await snapshot("similarity-side-by-side");

  await page.getByTestId("similarity-left").getByRole("link", { name: "Submission history" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Sim (Ada|Ben)/);

  // The same report in Chinese.
  await page.context().addCookies([{ name: "convlab-locale", value: "zh-CN", url: page.url() }]);
  await page.goto(seen.reportUrl);
  await expect(page.getByTestId("similarity-status")).toHaveText(/已完成/);
  await expect(page.getByTestId("similarity-explanation")).toContainText("不是结论");
  await snapshot("similarity-report-zh");
});

test("a student gets not found for the report and the list", async ({ page }) => {
  expect(seen.reportUrl, "the first test stored a report").not.toBe("");
  await signIn(page, DEMO_STUDENT);
  for (const url of [seen.reportUrl, `/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}/similarity`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Sim Ada")).toHaveCount(0);
  }
});
