// Shared steps for the end-to-end tests, and the `test` every spec uses: it fails a test on any
// Content-Security-Policy violation in any page it opened (the server runs with the CSP on).
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

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
