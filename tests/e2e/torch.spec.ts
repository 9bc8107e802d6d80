// The PyTorch homework in Chromium against the production build and the real torch sandbox: a
// student opens build-cnn from Homework 3, writes ConvNet without the convolutions' padding, and
// the feedback's layer-shape table marks the first convolution as the first layer that differs;
// the network as the statement describes it then scores full marks with every layer's shape as
// expected. The same table reads in Chinese.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_STUDENT, expect, setEditorText, signIn, test } from "./helpers";

test.use({ locale: "en-US" });

const exerciseFile = (name: string) => readFileSync(path.join("exercises", "build-cnn", name), "utf8");

test("a student writes ConvNet for build-cnn and reads the shape after each layer", async ({ page }, testInfo) => {
  await signIn(page, DEMO_STUDENT);
  const homework = page.getByRole("region", { name: "Homework 3: Convolution in PyTorch" });
  await homework.getByRole("link", { name: "Building a CNN in PyTorch (ConvNet)" }).click();
  await page.waitForURL(/\/assignments\/[^/]+\/build-cnn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Building a CNN in PyTorch (ConvNet)");

  const announcement = page.getByTestId("results-announcement");
  const panel = page.getByTestId("results-panel");
  await setEditorText(page, exerciseFile("buggy/padding-missing.py"));
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(announcement).toHaveText(/^Submission graded: [\d.]+ of 20, failed/, { timeout: 90_000 });
  const layers = panel.getByRole("table", { name: "Layer by layer: “the shape after each layer”" });
  await expect(layers).toBeVisible();
  const rows = layers.getByRole("row");
  // a header and the six shape-changing layers
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(1)).toContainText("convolution");
  await expect(rows.nth(1)).toContainText("(7, 16, 28, 28)");
  await expect(rows.nth(1)).toContainText("(7, 16, 24, 24)");
  await expect(rows.nth(1)).toContainText("← first difference");
  await expect(panel.getByTestId("layer-first-different")).toHaveCount(1);
  // the linear layer refused the features: the student's table stops at flatten
  await expect(rows.nth(6)).toContainText("linear");
  await expect(rows.nth(6)).toContainText("no such layer");
  await expect(panel.getByTestId("layer-shapes")).toContainText("Your network first differs at row 1");
  await layers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("build-cnn-padding-missing.png"), fullPage: true });

  await setEditorText(page, exerciseFile("solution.py"));
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(announcement).toHaveText("Submission graded: 20 of 20, passed", { timeout: 90_000 });
  await expect(layers.getByRole("row")).toHaveCount(7);
  await expect(layers.getByRole("row").nth(4)).toContainText("max-pool");
  await expect(layers.getByRole("row").nth(4)).toContainText("(7, 32, 7, 7)");
  await expect(panel.getByTestId("layer-first-different")).toHaveCount(0);
  await expect(panel.getByTestId("layer-shapes")).toContainText("Every layer has the expected shape.");
  await page.screenshot({ path: testInfo.outputPath("build-cnn-passed.png"), fullPage: true });

  await page.context().addCookies([{ name: "convlab-locale", value: "zh-CN", url: new URL(page.url()).origin }]);
  await page.reload();
  const chineseLayers = page.getByTestId("results-panel").getByRole("table", { name: "逐层查看：“每一层之后的形状”" });
  await expect(chineseLayers.getByRole("columnheader")).toHaveText(["#", "层", "期望形状", "你的形状"]);
  await expect(chineseLayers.getByRole("row").nth(1)).toContainText("卷积层");
  await expect(page.getByTestId("layer-shapes")).toContainText("每一层的形状都符合预期。");
  await chineseLayers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("build-cnn-passed-zh.png") });
});
