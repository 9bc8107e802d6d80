// Extensions in Chromium against the production build and the real sandbox (issue 16): the demo
// instructor creates an assignment that was due 30 hours ago with a late penalty, is refused an
// extension that ends before that due date, grants a student 48 extra hours, and the student's
// Submit after the original deadline scores in full, not late.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { confirmEmail, DEMO_COURSE_CODE, DEMO_INSTRUCTOR, signIn, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });

const SHAPE = "Output shape of a convolution layer";
const SOLUTION = readFileSync(path.join("exercises", "conv-output-shape", "solution.py"), "utf8");
const HOUR_MS = 60 * 60 * 1000;
/** "YYYY-MM-DDTHH:mm" on Shanghai's wall clock (UTC+8 all year), as a datetime-local input takes it. */
const shanghaiLocal = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 16);

test("an instructor grants an extension and the student submits after the original deadline without penalty", async ({ page, baseURL }, testInfo) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const student = { name: `Eve ${randomUUID().slice(0, 6)}`, email: uniqueEmail("eve"), password: "student-pass-1" };
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await api.post("/api/auth/sign-up/email", { data: student })).status()).toBe(200);
  await confirmEmail(api, baseURL!, student.email);
  expect((await api.post("/api/courses/join", { data: { code: DEMO_COURSE_CODE } })).status()).toBe(200);

  await signIn(page, DEMO_INSTRUCTOR);
  await page.getByRole("link", { name: "Instructor", exact: true }).click();
  await page.getByTestId("staff-courses").getByRole("link").first().click();
  await expect(page.getByTestId("join-code")).toHaveText(DEMO_COURSE_CODE);

  const now = Date.now();
  const title = `Extended lab ${randomUUID().slice(0, 6)}`;
  await page.getByRole("link", { name: "New assignment" }).click();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("checkbox", { name: SHAPE }).check();
  await page.getByLabel("Opens at").fill(shanghaiLocal(now - 72 * HOUR_MS));
  await page.getByLabel("Due at").fill(shanghaiLocal(now - 30 * HOUR_MS));
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await page.getByLabel("Accept late submissions").check();
  await page.getByLabel("Late penalty per started day (%)").fill("15");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress: ${title}`);
  const assignmentId = new URL(page.url()).pathname.split("/")[5]!;

  const panel = page.getByRole("region", { name: "Extensions and exceptions" });
  await expect(panel.getByText("No student has an extension or exception.")).toBeVisible();
  // An "extension" ending before the original due date is refused with a reason, and nothing is saved.
  await panel.getByLabel("Students' emails").fill(student.email);
  await panel.getByLabel("New due date (Asia/Shanghai)").fill(shanghaiLocal(now - 40 * HOUR_MS));
  await panel.getByRole("button", { name: "Grant" }).click();
  await expect(panel.getByRole("alert")).toContainText("is not after the assignment's due date");
  await expect(panel.getByTestId("extension-row")).toHaveCount(0);

  await panel.getByLabel("New due date (Asia/Shanghai)").fill("");
  await panel.getByLabel("Or extra hours").fill("48");
  await panel.getByLabel("Reason (optional, seen by staff)").fill("Doctor's note");
  await panel.getByRole("button", { name: "Grant" }).click();
  await expect(panel.getByText("Saved for 1 student.")).toBeVisible();
  const row = panel.getByTestId("extension-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(student.email);
  await expect(row).toContainText("Extended");
  await expect(row).toContainText("Doctor's note");
  await page.screenshot({ path: testInfo.outputPath("extensions-panel.png"), fullPage: true });

  const res = await api.post(`/api/assignments/${assignmentId}/exercises/conv-output-shape/submissions`, { data: { code: SOLUTION, clientToken: `e2e-${randomUUID()}` } });
  expect(res.status()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  let view = { status: "queued", score: null as number | null, isLate: true, latePenalty: -1 };
  await expect
    .poll(
      async () => {
        view = (await (await api.get(`/api/submissions/${id}`)).json()) as typeof view;
        return view.status;
      },
      { timeout: 90_000, intervals: [500] },
    )
    .not.toMatch(/^(queued|running)$/);
  // 5 points in full: without the extension it would be 2 started days × 15 % off, 3.5.
  expect(view).toMatchObject({ status: "passed", score: 5, isLate: false, latePenalty: 0 });
  await api.dispose();
});
