// Shared steps for the end-to-end tests.
import { expect, type Page } from "@playwright/test";

export const DEMO_INSTRUCTOR = { email: "instructor@convlab.test", password: "instructor-demo-1" };
export const DEMO_STUDENT = { email: "student@convlab.test", password: "student-demo-1" };
export const DEMO_COURSE_CODE = "DEMOCONV";
/** The seeded assignment; other specs add assignments with the same exercises to the demo course. */
export const DEMO_ASSIGNMENT_TITLE = "Homework 1: Convolution from scratch";

export async function signIn(page: Page, who: { email: string; password: string }, next = "/"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@convlab.test`;
}

/** Replaces the exercise editor's text through its test handle and waits until it holds it. */
export async function setEditorText(page: Page, code: string): Promise<void> {
  await page.waitForFunction(() => window.__convlabEditor !== undefined);
  await page.evaluate((text) => window.__convlabEditor!.setValue(text), code);
  await expect.poll(() => page.evaluate(() => window.__convlabEditor!.getValue())).toBe(code);
}
