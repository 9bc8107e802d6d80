// The gradient homework in Chromium against the production build and the real sandbox: the
// conv2d-backward page renders its statement (formulas and the figure, no KaTeX errors), a
// solution that overwrites where windows overlap fails with that diagnosis and heatmaps of the
// failing gradient, and the model solution, returning a tuple of two arrays, scores full marks.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_STUDENT, expect, setEditorText, signIn, test } from "./helpers";

test.use({ locale: "en-US" });

const exerciseFile = (name: string) => readFileSync(path.join("exercises", "conv2d-backward", name), "utf8");

test("a student opens conv2d-backward, sees an overlap mistake named, then scores full marks", async ({ page }, testInfo) => {
  await signIn(page, DEMO_STUDENT);
  const homework = page.getByRole("region", { name: "Homework 4: Backpropagation through convolution" });
  await homework.getByRole("link", { name: "Backpropagation through conv2d" }).click();
  await page.waitForURL(/\/assignments\/[^/]+\/conv2d-backward$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Backpropagation through conv2d");
  const statement = page.getByTestId("statement");
  await expect(statement.getByRole("heading", { name: "Figure: one gradient cell collects from overlapping windows" })).toBeVisible();
  expect(await statement.locator(".katex-display").count()).toBeGreaterThan(5);
  await expect(statement.locator(".katex-error")).toHaveCount(0);

  const announcement = page.getByTestId("results-announcement");
  const panel = page.getByTestId("results-panel");
  await setEditorText(page, exerciseFile("buggy/overlaps-overwritten.py"));
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(announcement).toHaveText(/^Submission graded: [\d.]+ of 15, failed — Where windows overlap, your gradient keeps only the last window's share/, {
    timeout: 90_000,
  });
  await expect(panel).toContainText("dfeatures[");
  await expect(panel).toContainText("The relative error of dfeatures");
  await expect(panel.getByRole("img").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("conv2d-backward-overlap-mistake.png"), fullPage: true });

  await setEditorText(page, exerciseFile("solution.py"));
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(announcement).toHaveText("Submission graded: 15 of 15, passed", { timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath("conv2d-backward-passed.png"), fullPage: true });
});
