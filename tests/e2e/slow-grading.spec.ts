// A submission that outlives its exercise's short budget, in Chromium against the production
// build and the real sandbox: correct code that first sleeps 2.5 s (within the exercise's 3 s
// wall limit) is moved to the slow lane, the page says it is taking longer than usual while it
// still runs, and the verdict replaces the notice.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_ASSIGNMENT_TITLE, DEMO_STUDENT, expect, setEditorText, signIn, test } from "./helpers";

test.use({ locale: "en-US" });

// convolution-v2: no other spec submits to it, so the demo student's draft and attempts on the
// exercises other specs use stay as they expect them.
const SLEEPY_CORRECT = `import time\ntime.sleep(2.5)\n${readFileSync(path.join("exercises", "convolution-v2", "solution.py"), "utf8")}`;

test("a slow submission is announced as taking longer than usual, then graded", async ({ page }, testInfo) => {
  await signIn(page, DEMO_STUDENT);
  await page.getByRole("region", { name: DEMO_ASSIGNMENT_TITLE }).getByRole("link", { name: "Rectangular kernels, padding and stride per axis" }).click();
  await page.waitForURL(/\/assignments\/[^/]+\/convolution-v2$/);
  await page.waitForFunction(() => window.__convlabEditor !== undefined);
  await setEditorText(page, SLEEPY_CORRECT);
  await page.getByRole("button", { name: "Submit" }).click();

  const notice = page.getByTestId("slow-grading-notice");
  await expect(notice).toHaveText("Your code is taking longer than usual: still running, now with the exercise's full time limit.");
  await expect(page.getByTestId("grading-progress")).toHaveAttribute("data-phase", "running");
  await page.screenshot({ path: testInfo.outputPath("slow-grading-notice.png"), fullPage: false });

  await expect(page.getByTestId("results-announcement")).toHaveText("Submission graded: 10 of 10, passed", { timeout: 60_000 });
  await expect(notice).toHaveCount(0);
});
