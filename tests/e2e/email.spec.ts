// Address verification and "forgot password" in the browser. The e2e server has no SMTP_URL, so
// each mail waits in the outbox, where the test reads it as an admin would and follows its link.
import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_COURSE_CODE, DEMO_STUDENT, readMailedLink, signIn, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });

test("a new account confirms its address from the mailed link before it can join a course", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("verify");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Vera Verify");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("verify-pass-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("verify-email-notice")).toContainText(`open the link we sent to ${email}`);

  await page.getByLabel("Course code").fill(DEMO_COURSE_CODE);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Confirm your email address before joining a course");
  // The sign-up mail went out seconds ago: asking again at once is refused with the reason.
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByTestId("verify-email-notice").getByRole("alert")).toContainText("We sent you a link");

  // The admin's outbox page shows the kept mail and its link.
  const admin = await browser.newContext({ locale: "en-US" });
  const adminPage = await admin.newPage();
  await signIn(adminPage, DEMO_ADMIN, `/admin/outbox?to=${encodeURIComponent(email)}`);
  const row = adminPage.getByTestId("outbox-mail").first();
  await expect(row).toHaveAttribute("data-status", "held");
  await expect(row).toContainText("Confirm your email address for ConvLab");
  await expect(row).toContainText("kept (no SMTP)");
  await row.getByText("Show").click();
  const text = await row.getByTestId("outbox-mail-text").innerText();
  const link = text.match(/https?:\/\/\S+/)![0];
  expect(link).toBe(await readMailedLink(baseURL!, email, "verify-email"));
  await admin.close();

  await page.goto(link);
  await expect(page).toHaveURL(/\/email-verified$/);
  await expect(page.getByRole("status")).toContainText("Your email address is confirmed");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.getByTestId("verify-email-notice")).toHaveCount(0);
  await page.getByLabel("Course code").fill(DEMO_COURSE_CODE);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("status")).toContainText("You joined");

  // A broken link confirms nothing and says so.
  await page.goto(link.replace("token=", "token=x"));
  await expect(page.getByTestId("email-verify-failed")).toContainText("expired or is not valid");
});

test("only admins open the outbox", async ({ page }) => {
  await signIn(page, DEMO_STUDENT);
  const res = await page.goto("/admin/outbox");
  expect(res?.status()).toBe(404);
});

test("forgot password: a mailed single-use link sets a new password and signs out other sessions", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("forgot");
  const other = await browser.newContext({ locale: "en-US" });
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-up");
  await otherPage.getByLabel("Name").fill("Fay Forgot");
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password").fill("old-password-1");
  await otherPage.getByRole("button", { name: "Create account" }).click();
  await expect(otherPage.getByTestId("signed-in-as")).toHaveText("Fay Forgot");

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill("nobody-here@convlab.test");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses nobody-here@convlab.test, we have sent it a link");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account uses ${email}, we have sent it a link`);

  const link = await readMailedLink(baseURL!, email, "reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at least 8 characters");
  await page.getByLabel("New password").fill("new-password-2");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByRole("status")).toContainText("Your password was changed");

  // The session opened before the reset is gone.
  await otherPage.goto("/");
  await expect(otherPage.getByTestId("signed-in-as")).toHaveCount(0);
  await other.close();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("old-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Wrong email or password");
  await signIn(page, { email, password: "new-password-2" });

  // The link worked once.
  await page.goto(link);
  await page.getByLabel("New password").fill("third-password-3");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
});

test("mails are written in the language of the person who asked", async ({ browser, baseURL }) => {
  const email = uniqueEmail("zh");
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("李雷");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("zh-password-1");
  await page.getByRole("button", { name: "注册账号" }).click();
  await expect(page.getByTestId("verify-email-notice")).toContainText("请确认你的邮箱地址");
  await context.close();

  const admin = await browser.newContext({ locale: "en-US" });
  const adminPage = await admin.newPage();
  await signIn(adminPage, DEMO_ADMIN, `/admin/outbox?to=${encodeURIComponent(email)}`);
  await expect(adminPage.getByTestId("outbox-mail").first()).toContainText("请确认你在 ConvLab 的邮箱地址");
  await admin.close();
  expect(await readMailedLink(baseURL!, email, "verify-email")).toContain("/api/auth/verify-email?token=");
});
