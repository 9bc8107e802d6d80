// Shared steps for the end-to-end tests, and the `test` every spec uses: it fails a test on any
// Content-Security-Policy violation in any page it opened (the server runs with the CSP on).
import { test as base, expect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };

/** Chromium reports a blocked script, style, font, worker, eval or frame as a console error naming the policy. */
const CSP_CONSOLE_MESSAGE = /Content[- ]Security[- ]Policy|CSP violation/i;

/** Records every CSP violation of the context's pages, as console messages and as DOM events. */
async function watchCspViolations(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  context.on("console", (message) => {
    if (CSP_CONSOLE_MESSAGE.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
  context.on("weberror", (error) => {
    if (CSP_CONSOLE_MESSAGE.test(String(error.error()))) violations.push(String(error.error()));
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, runTest) => {
      const violations: string[] = [];
      await watchCspViolations(context, violations);
      // Contexts a test opens itself (another user, another language) are watched too.
      const newContext = browser.newContext.bind(browser);
      const watched: Browser["newContext"] = async (options) => {
        const created = await newContext(options);
        await watchCspViolations(created, violations);
        return created;
      };
      browser.newContext = watched;
      try {
        await runTest(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

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
