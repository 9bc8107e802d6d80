// The admin page in Chromium (issue 16): the demo admin reaches it from the header, finds the
// outbox link and the courses, grants a new account the instructor role and revokes it; a student
// gets "not found".
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_COURSE_CODE, DEMO_STUDENT, signIn, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });

test("the admin grants and revokes the instructor role and sees every course; a student is refused", async ({ page, baseURL }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const person = { name: `Ivy ${Date.now()}`, email: uniqueEmail("ivy"), password: "ivy-pass-123" };
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await api.post("/api/auth/sign-up/email", { data: person })).status()).toBe(200);
  await api.dispose();

  await signIn(page, DEMO_ADMIN);
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await expect(page.getByRole("link", { name: /Mail outbox/ })).toHaveAttribute("href", "/admin/outbox");
  await expect(page.getByTestId("all-courses")).toContainText(DEMO_COURSE_CODE);

  await page.getByLabel("Email of the account").fill("nobody-here@convlab.test");
  await page.getByRole("button", { name: "Grant instructor role" }).click();
  await expect(page.getByText("No account has the email address nobody-here@convlab.test. Ask the person to sign up first.")).toBeVisible();
  await page.getByLabel("Email of the account").fill(person.email);
  await page.getByRole("button", { name: "Grant instructor role" }).click();
  await expect(page.getByText("The account is now an instructor.")).toBeVisible();
  const row = page.getByTestId("instructors").getByRole("row", { name: new RegExp(person.email) });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("instructors").getByRole("row", { name: new RegExp(person.email) })).toHaveCount(0);

  const student = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await student.post("/api/auth/sign-in/email", { data: DEMO_STUDENT })).status()).toBe(200);
  expect((await student.get("/admin")).status()).toBe(404);
  await student.dispose();
});
