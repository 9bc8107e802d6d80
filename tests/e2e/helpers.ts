// Shared steps for the end-to-end tests.
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_INSTRUCTOR = { email: "instructor@convlab.test", password: "instructor-demo-1" };
export const DEMO_STUDENT = { email: "student@convlab.test", password: "student-demo-1" };
/** Reads the outbox: the e2e server has no SMTP_URL, so mails wait there. */
export const DEMO_ADMIN = { email: "admin@convlab.test", password: "admin-demo-1" };
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

/**
 * The newest link of a kind ("verify-email" or "reset-password") mailed to `to`, read as an
 * admin from /admin/outbox, the page an operator without SMTP uses.
 */
export async function readMailedLink(baseURL: string, to: string, kind: "verify-email" | "reset-password"): Promise<string> {
  const admin = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    expect((await admin.post("/api/auth/sign-in/email", { data: DEMO_ADMIN })).status()).toBe(200);
    const html = await (await admin.get(`/admin/outbox?to=${encodeURIComponent(to)}`)).text();
    const path = kind === "verify-email" ? "/api/auth/verify-email\\?token=" : "/reset-password\\?token=";
    const link = html.match(new RegExp(`https?://[^\\s<"]+${path}[^\\s<"]+`))?.[0];
    if (!link) throw new Error(`no ${kind} mail to ${to} in the outbox`);
    return link.replaceAll("&amp;", "&");
  } finally {
    await admin.dispose();
  }
}

/** Confirms a new account's address by following the link from its verification mail. */
export async function confirmEmail(api: APIRequestContext, baseURL: string, email: string): Promise<void> {
  const landing = await api.get(await readMailedLink(baseURL, email, "verify-email"), { maxRedirects: 0 });
  expect(landing.headers()["location"]).toBe("/email-verified");
}
