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
import Database from "better-sqlite3";
import { resolveDatabaseConfig } from "../../prisma/database-url";
import { DEMO_ASSIGNMENT_TITLE, DEMO_COURSE_CODE, DEMO_INSTRUCTOR, DEMO_STUDENT, expect, signIn, test } from "./helpers";

const corpus = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/similarity-corpus", `${name}.py`), "utf8");
const ANSWERS = [
  { name: "Sim Ada", file: "original" },
  { name: "Sim Ben", file: "renamed" },
  { name: "Sim Cai", file: "padded" },
  { name: "Sim Dan", file: "vectorised" },
  { name: "Sim Eve", file: "im2col" },
];

const seen = { courseId: "", assignmentId: "", exerciseTitle: "" };

function databaseFile(): string {
  return resolveDatabaseConfig(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "file:./data/e2e.db").filePath!;
}

/** Stores the answers in the server's SQLite file, as if the students had submitted them and they had passed. */
test.beforeAll(() => {
  const connection = new Database(databaseFile(), { timeout: 5000 });
  try {
    const course = connection.prepare("SELECT id FROM course WHERE code = ?").get(DEMO_COURSE_CODE) as { id: string };
    const assignment = connection.prepare("SELECT id FROM assignment WHERE courseId = ? AND title = ?").get(course.id, DEMO_ASSIGNMENT_TITLE) as { id: string };
    const exercise = connection.prepare("SELECT id, title FROM exercise WHERE slug = 'conv2d'").get() as { id: string; title: string };
    Object.assign(seen, { courseId: course.id, assignmentId: assignment.id, exerciseTitle: exercise.title });
    // Prisma's SQLite adapter stores DateTime as ISO 8601 text.
    const now = new Date().toISOString().replace("Z", "+00:00");
    const store = connection.transaction(() => {
      for (const answer of ANSWERS) {
        const userId = `sim-${randomUUID()}`;
        connection
          .prepare("INSERT INTO user (id, name, email, emailVerified, role, createdAt, updatedAt) VALUES (?, ?, ?, 1, 'student', ?, ?)")
          .run(userId, answer.name, `${answer.file}-${userId.slice(4, 12)}@convlab.test`, now, now);
        connection.prepare("INSERT INTO enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'student', ?)").run(randomUUID(), course.id, userId, now);
        connection
          .prepare(
            "INSERT INTO submission (id, userId, exerciseId, assignmentId, courseId, code, seed, mode, status, score, maxScore, attempt, receivedAt) VALUES (?, ?, ?, ?, ?, ?, 1, 'submit', 'passed', 1, 1, 1, ?)",
          )
          .run(randomUUID(), userId, exercise.id, assignment.id, course.id, corpus(answer.file), now);
      }
    });
    store();
  } finally {
    connection.close();
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
  const reportUrl = new URL(page.url()).pathname;
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
  await page.context().addCookies([{ name: "convlab-locale", value: "zh-CN", url: new URL(page.url()).origin }]);
  await page.goto(reportUrl);
  await expect(page.getByTestId("similarity-status")).toHaveText(/已完成/);
  await expect(page.getByTestId("similarity-explanation")).toContainText("不是结论");
  await snapshot("similarity-report-zh");
});

test("a student gets not found for the report and the list", async ({ page }) => {
  const listUrl = `/instructor/courses/${seen.courseId}/assignments/${seen.assignmentId}/similarity`;
  const connection = new Database(databaseFile(), { readonly: true });
  const report = connection.prepare("SELECT id FROM similarity_report WHERE assignmentId = ? ORDER BY createdAt DESC").get(seen.assignmentId) as { id: string } | undefined;
  connection.close();
  expect(report, "the first test computed a report").toBeDefined();
  await signIn(page, DEMO_STUDENT);
  for (const url of [`${listUrl}/${report!.id}`, listUrl]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Sim Ada")).toHaveCount(0);
  }
});
