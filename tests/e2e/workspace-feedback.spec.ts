// The feedback a student reads, in Chromium against the production build and the real sandbox,
// at 1440×900 and on a 390×844 phone: displayed maths on every statement fits its column or
// scrolls with a visible cue; a conv2d run whose first wrong cell is in output channel 1 shows the
// weights as heatmaps and opens the channel picker on channel 1; "Copy this case" puts a numpy
// script on the clipboard that python3 runs to the expected output; the results pass axe in the
// light and the dark theme; a sample run counts passing sample cases and shows no score.
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_ASSIGNMENT_TITLE, DEMO_STUDENT, expect, setEditorText, signIn, test } from "./helpers";

test.use({ locale: "en-US" });

const SLUGS = ["convolution", "convolution-v2", "conv-output-shape", "conv2d", "max-pool2d", "avg-pool2d", "cnn-forward"];
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
];
const CONV2D_SOLUTION = readFileSync(path.join("exercises", "conv2d", "solution.py"), "utf8");
/** Right in output channel 0, wrong from channel 1 on: the first wrong cell is in channel 1. */
const CONV2D_WRONG_FROM_CHANNEL_1 = `${CONV2D_SOLUTION}
_right_conv2d = conv2d


def conv2d(features, weights, padding=0, stride=1):
    out = _right_conv2d(features, weights, padding, stride)
    out[1:] += 0.5
    return out
`;

async function findAssignmentId(page: Page): Promise<string> {
  const href = await page.getByRole("region", { name: DEMO_ASSIGNMENT_TITLE }).getByRole("link").first().getAttribute("href");
  return href!.split("/")[2]!;
}

/** For each displayed formula: does it fit its column, or scroll with a cue one can see? */
async function checkDisplayMath(page: Page) {
  return page.getByTestId("statement").evaluate((statement) => {
    const right = statement.getBoundingClientRect().right;
    return Array.from(statement.querySelectorAll<HTMLElement>(".katex-display"), (display) => {
      const isFitting = display.scrollWidth <= display.clientWidth + 1 && display.getBoundingClientRect().right <= right + 1;
      // overflow-y is hidden: anything taller than the box (a sum's upper limit) would be cut off
      const isCutVertically = display.scrollHeight > display.clientHeight + 1;
      const style = getComputedStyle(display);
      const hasCue = display.hasAttribute("data-scrolls") && style.backgroundImage.includes("gradient") && style.overflowX === "auto";
      return { text: (display.textContent ?? "").slice(0, 60), isFitting, isCutVertically, hasCue, scale: display.style.fontSize };
    });
  });
}

for (const viewport of VIEWPORTS) {
  test(`displayed maths fits its column or scrolls visibly on every statement (${viewport.name})`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page, DEMO_STUDENT);
    const assignmentId = await findAssignmentId(page);
    for (const slug of SLUGS) {
      await page.goto(`/assignments/${assignmentId}/${slug}`);
      await page.waitForFunction(() => window.__convlabEditor !== undefined);
      for (const language of ["English", "简体中文"]) {
        await page.getByRole("group", { name: "Language of the statement" }).getByRole("button", { name: language }).click();
        const displays = await checkDisplayMath(page);
        expect(displays.length, `${slug} has displayed maths`).toBeGreaterThan(0);
        const clipped = displays.filter((display) => (!display.isFitting && !display.hasCue) || display.isCutVertically);
        expect(clipped, `${slug} (${language}) at ${viewport.width}px`).toEqual([]);
        for (const display of displays.filter((d) => !d.isFitting)) console.log(`scrolls: ${slug} ${language} ${viewport.name}: ${display.text} at ${display.scale}`);
      }
      await page.getByTestId("statement").screenshot({ path: testInfo.outputPath(`statement-${slug}-${viewport.name}.png`) });
    }
    // No page-wide sideways scroll from the statement.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
}

test("a conv2d sample run shows the weights, starts the channel picker on the wrong channel and copies a case that python3 reproduces", async ({ page, context }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO_STUDENT);
  const assignmentId = await findAssignmentId(page);
  await page.goto(`/assignments/${assignmentId}/conv2d`);
  await setEditorText(page, CONV2D_WRONG_FROM_CHANNEL_1);
  await page.getByRole("button", { name: "Run samples" }).click();
  const announcement = page.getByTestId("results-announcement");
  await expect(announcement).toHaveText(/^\d+ of \d+ sample cases pass, failed/, { timeout: 90_000 });

  const panel = page.getByTestId("results-panel");
  const verdict = panel.getByTestId("verdict");
  await expect(verdict.getByTestId("sample-count")).toHaveText(/^\d+ of \d+ sample cases pass$/);
  await expect(verdict).not.toContainText("Score");
  await expect(panel).not.toContainText("Test run");

  const arrays = panel.getByTestId("case-arrays").first();
  const picker = arrays.getByTestId("channel-picker");
  await expect(picker).toHaveValue("1");
  await expect(picker.locator("option:checked")).toHaveText("Channel 1 (first wrong cell)");
  await expect(arrays.getByRole("figure").filter({ hasText: "weights[1, 0]" })).toBeVisible();
  await expect(arrays.getByRole("figure").filter({ hasText: "Expected output, channel 1" })).toBeVisible();
  await expect(arrays.getByText("Solid outline: the first wrong cell.")).toBeVisible();
  // A cell's exact value, by keyboard: focus the grid and move.
  const expectedGrid = arrays.getByRole("figure").filter({ hasText: "Expected output, channel 1" });
  await expectedGrid.locator("[tabindex='0']").first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(expectedGrid.getByTestId("heatmap-inspect")).toHaveText(/^Cell \[\d+, \d+\] = -?[\d.e-]+$/);
  // On a desktop the results scroll in their own box beside the statement: screenshots of the
  // viewport, with the channel's heatmaps scrolled into that box, show what the student sees.
  await expectedGrid.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("conv2d-channel-1.png") });
  await page.screenshot({ path: testInfo.outputPath("conv2d-channel-1-arrays.png"), clip: (await page.getByTestId("results").boundingBox())! });

  // The heatmaps and their values are readable in both themes.
  for (const theme of ["light", "dark"]) {
    if (theme === "dark") await page.getByRole("switch", { name: "Dark theme" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const results = await new AxeBuilder({ page }).include('[data-testid="results-panel"]').analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${theme}: ${v.id}: ${v.help} (${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`conv2d-channel-1-${theme}.png`) });
  }
  await page.getByRole("switch", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");

  await picker.selectOption("0");
  await expect(arrays.getByRole("figure").filter({ hasText: "weights[0, 0]" })).toBeVisible();
  await expect(arrays.getByRole("figure").filter({ hasText: "weights[1, 0]" })).toHaveCount(0);
  await expect(arrays.getByText("Solid outline: the first wrong cell.")).toHaveCount(0);

  // Every heatmap value fits its cell.
  const spilling = await panel.evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>("[role='img'] > span[title]"))
      .filter((cell) => cell.textContent && cell.scrollWidth > cell.clientWidth)
      .map((cell) => cell.textContent),
  );
  expect(spilling).toEqual([]);

  await arrays.getByTestId("copy-case").click();
  await expect(arrays.getByText("Copied.")).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain("weights = np.array(");
  const runWith = (source: string) => execFileSync("/usr/bin/python3", ["-c", `${source}\n${snippet}`], { encoding: "utf8", timeout: 30_000 });
  expect(runWith(CONV2D_SOLUTION)).toMatch(/^matches: True$/m);
  expect(runWith(CONV2D_WRONG_FROM_CHANNEL_1)).toMatch(/^matches: False$/m);

  await page.setViewportSize({ width: 390, height: 844 });
  await arrays.screenshot({ path: testInfo.outputPath("conv2d-arrays-phone.png") });
  await verdict.screenshot({ path: testInfo.outputPath("sample-verdict-phone.png") });
});
