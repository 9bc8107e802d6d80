// The student's path from the task to a full score, in Chromium against the production build
// and the real sandbox: wrong solution → failure with a diagnosis and heatmaps; correct one →
// full score; draft and history survive a reload; home shows the exercise as passed. Each verdict
// is announced in a live region that was on the page, empty, before it. With the interface in
// Chinese, the grader's own sentences (a wrong value, a time limit), the case names and the
// heatmap labels arrive in Chinese too.
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_ASSIGNMENT_TITLE, DEMO_STUDENT, expect, setEditorText, signIn, test } from "./helpers";

test.use({ locale: "en-US" });

const exerciseFile = (name: string) => readFileSync(path.join("exercises", "convolution", name), "utf8");
const CORRECT = exerciseFile("solution.py");
const FLIPPED = exerciseFile("buggy/flipped-kernel.py");

const demoAssignment = (page: Page) => page.getByRole("region", { name: DEMO_ASSIGNMENT_TITLE });

/** Opens the exercise from the home page and returns its assignment id. */
async function openConvolution(page: Page): Promise<string> {
  await demoAssignment(page).getByRole("link", { name: "Convolution of one channel" }).click();
  await page.waitForURL(/\/assignments\/[^/]+\/convolution$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

test("a student goes from starter code to a full score on convolution", async ({ page }, testInfo) => {
  await signIn(page, DEMO_STUDENT);
  await expectNoSeriousA11yViolations(page);
  await demoAssignment(page).getByRole("link", { name: "Convolution of one channel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Convolution of one channel");
  await expect(page.getByTestId("statement")).toBeVisible();
  // The statement reads in either language whatever the interface's; each is named in itself.
  const statementLanguages = page.getByRole("group", { name: "Language of the statement" });
  await statementLanguages.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByTestId("statement")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("statement").getByRole("heading", { level: 2 }).first()).toHaveText("单通道卷积");
  await statementLanguages.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("statement").getByRole("heading", { level: 2 }).first()).toHaveText("Convolution of one channel");
  await expect(page.getByTestId("time-limit")).toHaveText("time limit 1 s of CPU for all cases together");
  // The progress live region is on the page, empty, before anything is graded.
  const progressRegion = page.getByTestId("grading-progress-region");
  await expect(progressRegion).toHaveAttribute("role", "status");
  await expect(progressRegion).toBeEmpty();

  await page.waitForFunction(() => window.__convlabEditor !== undefined);
  const starter = await page.evaluate(() => window.__convlabEditor!.getValue());
  expect(starter).toContain("def convolution(img, kernel, padding=1, stride=1)");
  expect(starter).toContain("NotImplementedError");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("exercise-before-submission.png"), fullPage: true });
  const announcement = page.getByTestId("results-announcement");
  await expect(announcement).toHaveAttribute("role", "status");
  await expect(announcement).toBeEmpty();

  // A sample run is feedback only: it must not appear in the history.
  await setEditorText(page, FLIPPED);
  await page.getByRole("button", { name: "Run samples" }).click();
  await expect(announcement).toHaveText(/^\d+ of \d+ sample cases pass, failed — You flipped the kernel\.$/, { timeout: 60_000 });
  const panel = page.getByTestId("results-panel");
  await expect(panel.getByTestId("verdict")).toContainText("Failed");
  await expect(panel.getByRole("status")).toHaveCount(0);

  await page.getByRole("button", { name: "Submit" }).click();
  await expect(announcement).toHaveText(/^Submission graded: [\d.]+ of 10, failed — You flipped the kernel\.$/, { timeout: 90_000 });
  await expect(progressRegion).toBeEmpty();
  await expect(panel.getByTestId("verdict")).toContainText("Submission");
  await expect(panel.getByTestId("verdict")).toContainText("Failed");
  await expect(panel).toContainText("You flipped the kernel");
  await expect(panel.getByTestId("hidden-details-notice")).toHaveCount(0);
  await expect(panel.getByRole("img").first()).toBeVisible();
  await expect(panel).toContainText("First wrong value at index");
  await page.screenshot({ path: testInfo.outputPath("exercise-after-failing-submission.png"), fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await setEditorText(page, CORRECT);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(announcement).toHaveText("Submission graded: 10 of 10, passed", { timeout: 90_000 });
  await expect(panel.getByTestId("verdict")).toContainText("Passed");
  await expect(panel.getByTestId("verdict")).toContainText("Score: 10 / 10");

  // Wait until the autosave has stored the correct code, then reload.
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-state", /saved|idle/);
  await page.reload();
  await page.waitForFunction(() => window.__convlabEditor !== undefined);
  expect(await page.evaluate(() => window.__convlabEditor!.getValue())).toBe(CORRECT);
  const history = page.getByTestId("submission-history");
  await expect(history.getByRole("listitem")).toHaveCount(2);

  await page.goto("/");
  await expect(demoAssignment(page).getByTestId("exercise-row-convolution").getByTestId("exercise-status")).toHaveText("Passed");
});

test("bad code gets a clear message and nothing is stored", async ({ page }) => {
  await signIn(page, DEMO_STUDENT);
  const assignmentId = await openConvolution(page);
  const api = `/api/assignments/${assignmentId}/exercises/convolution/submissions`;

  const empty = await page.request.post(api, { data: { code: "   ", clientToken: "empty-token-1" } });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error.message).toContain("empty");

  const huge = await page.request.post(api, { data: { code: "x = 1\n".repeat(20_000), clientToken: "huge-token-1" } });
  expect(huge.status()).toBe(400);
  expect((await huge.json()).error.message).toContain("64 KB");

  const binary = await page.request.post(api, { data: { code: "def f():\u0000\n", clientToken: "binary-token-1" } });
  expect(binary.status()).toBe(400);
  expect((await binary.json()).error.message).toContain("binary");

  const notUtf8 = await page.request.post(api, {
    data: Buffer.from([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    headers: { "content-type": "application/json" },
  });
  expect(notUtf8.status()).toBe(400);
  expect((await notUtf8.json()).error.message).toContain("UTF-8");

  // A double click sends the same token twice: one submission, not two.
  const token = `double-${Date.now()}`;
  const [first, second] = await Promise.all([
    page.request.post(api, { data: { code: CORRECT, clientToken: token } }),
    page.request.post(api, { data: { code: CORRECT, clientToken: token } }),
  ]);
  const ids = [(await first.json()).id, (await second.json()).id];
  expect(ids[0]).toBeTruthy();
  expect(ids[1]).toBe(ids[0]);
  // Let it finish, so the student's in-flight limit is free for the next test.
  await expect
    .poll(async () => (await (await page.request.get(`/api/submissions/${ids[0]}`)).json()).status, { timeout: 90_000 })
    .toBe("passed");
});

test("another student cannot read a submission or save a draft in a course they are not in", async ({ page, browser }) => {
  await signIn(page, DEMO_STUDENT);
  const assignmentId = await openConvolution(page);
  const created = await page.request.post(`/api/assignments/${assignmentId}/exercises/convolution/submissions`, {
    data: { code: CORRECT, clientToken: `owner-${Date.now()}` },
  });
  const { id } = await created.json();

  const outsider = await browser.newContext();
  const email = `outsider-${Date.now()}@convlab.test`;
  const signUp = await outsider.request.post("/api/auth/sign-up/email", {
    data: { email, password: "outsider-pass-1", name: "Outsider" },
    headers: { origin: test.info().project.use.baseURL! },
  });
  expect(signUp.status()).toBe(200);
  const read = await outsider.request.get(`/api/submissions/${id}`);
  expect(read.status()).toBe(404);
  expect(await read.text()).not.toContain("def convolution");
  const draft = await outsider.request.put(`/api/assignments/${assignmentId}/exercises/convolution/draft`, { data: { code: "stolen" } });
  expect(draft.status()).toBe(404);
  const page2 = await outsider.newPage();
  const res = await page2.goto(`/assignments/${assignmentId}/convolution`);
  expect(res?.status()).toBe(404);
  await outsider.close();
});

test("a student with the interface in Chinese reads why a case failed and why the code stopped in Chinese", async ({ page }) => {
  await signIn(page, DEMO_STUDENT);
  await openConvolution(page);
  await page.context().addCookies([{ name: "convlab-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
  await page.reload();
  await expect(page.getByRole("button", { name: "提交", exact: true })).toBeVisible();
  const announcement = page.getByTestId("results-announcement");
  const panel = page.getByTestId("results-panel");

  await setEditorText(page, FLIPPED);
  await page.getByRole("button", { name: "运行示例", exact: true }).click();
  await expect(announcement).toHaveText(/^\d+ \/ \d+ 个样例用例通过，未通过——你把卷积核翻转了。$/, { timeout: 60_000 });
  await expect(panel.getByRole("table")).toContainText(/output\[\d+, \d+\] 的值错误：期望 \S+，得到 \S+。它由 padding_img\[\d+:\d+, \d+:\d+\] 计算得到。/);
  await expect(panel.getByRole("table")).not.toContainText("is wrong: expected");
  // case names and heatmap labels too, while the diagnosis still finds its cases by their English names
  await expect(panel.getByRole("rowheader", { name: "只有一个像素", exact: true })).toBeVisible();
  await expect(panel.getByRole("rowheader", { name: "随机用例 1", exact: true })).toBeVisible();
  // how sure the diagnosis is, and at most three of its cases by their Chinese names
  await expect(panel.getByText(/^在 \d+ 个能分辨这一错误的用例中，有 \d+ 个与你的输出相符，例如：默认的填充和步长/)).toBeVisible();
  await expect(panel.getByText("img（零填充后）").first()).toBeVisible();
  for (const english of ["a single pixel", "random 1", "zero-padded"]) await expect(panel).not.toContainText(english);

  await setEditorText(page, "def convolution(img, kernel, padding=1, stride=1):\n    while True:\n        pass\n");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  const stopped = /用例“默认的填充和步长”用完了 \d+ 秒的(?: CPU 时间|实际运行时间)限制（所有用例共用），后面的用例没有运行。/;
  await expect(announcement).toHaveText(new RegExp(`^正式提交评测完成：0 / 10 分，超时——${stopped.source}$`), { timeout: 90_000 });
  await expect(panel.getByTestId("result-message")).toHaveText(new RegExp(`^${stopped.source}正确的解法跑完全部用例只需几毫秒，请检查有没有永远不会结束的循环。$`));
  await expect(panel.getByRole("table")).toContainText("未运行：前面的某个用例已使你的程序停止。");
  await expect(panel).not.toContainText("ran out of");
});
