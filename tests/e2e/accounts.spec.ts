import { confirmEmail, DEMO_COURSE_CODE, DEMO_INSTRUCTOR, DEMO_STUDENT, expect, signIn, test, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });

test("a new user signs up, confirms their address, joins the demo course by its code, and signs out", async ({ page, baseURL }) => {
  const email = uniqueEmail("newcomer");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("New Student");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-9");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("New Student");

  await page.getByLabel("Course code").fill("no-such-code");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Confirm your email address before joining a course");
  await confirmEmail(page.request, baseURL!, email);
  await page.reload();
  await page.getByLabel("Course code").fill("no-such-code");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("No course has the code NOSUCHCODE");

  await page.getByLabel("Course code").fill(DEMO_COURSE_CODE.toLowerCase());
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("status")).toContainText("You joined");
  await expect(page.getByTestId("course-list")).toContainText("Convolution");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("sign-up and sign-in answer bad input with clear messages", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Name is required");

  await page.getByLabel("Name").fill("Dup");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill("whatever-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("already exists");

  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("valid email");

  await page.getByLabel("Email").fill(uniqueEmail("short"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at least 8 characters");

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
});

test("the demo instructor signs in and sees the demo course with its join code", async ({ page }) => {
  await signIn(page, DEMO_INSTRUCTOR);
  await page.getByRole("link", { name: "Instructor" }).click();
  await expect(page.getByTestId("staff-courses")).toContainText(DEMO_COURSE_CODE);
});

test("the interface follows the browser language and can be switched", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录 ConvLab");
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to ConvLab");
  await context.close();
});
