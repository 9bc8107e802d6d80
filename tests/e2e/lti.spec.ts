// The LMS loop in Chromium, against the stand-in LMS (tests/support/lti-platform.ts) on another
// site (127.0.0.1 vs localhost): the platform's course page frames ConvLab, the instructor
// deep-links a new assignment, a student launches, submits a correct solution, and the
// platform's gradebook shows the score, posted by AGS without anyone pressing a button; the
// instructor sees the sync state and syncs the roster (NRPS) from the LMS page.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { LtiPlatform, ROLE } from "../support/lti-platform";

const SOLUTION = readFileSync(path.join(__dirname, "../../exercises/convolution/solution.py"), "utf8");
const EXERCISE_TITLE = "Convolution of one channel";

let platform: LtiPlatform;

test.beforeAll(async () => {
  platform = await new LtiPlatform({ toolJwks: `${baseURL}/api/lti/jwks`, toolLaunchUrl: `${baseURL}/api/lti/launch`, toolLoginUrl: `${baseURL}/api/lti/login`, contextId: `ctx-${Date.now()}` }).start();
  const { stdout } = await promisify(execFile)(
    "npm",
    ["run", "--silent", "lti:register", "--", "--issuer", platform.issuer, "--client-id", platform.clientId, "--deployment-id", platform.deploymentId, "--auth-login-url", platform.authLoginUrl, "--auth-token-url", platform.authTokenUrl, "--jwks-url", platform.jwksUrl, "--name", "Stand-in LMS", "--json"],
    { env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "file:./data/e2e.db", BETTER_AUTH_URL: baseURL } },
  );
  const registered = JSON.parse(stdout.trim().split("\n").at(-1)!) as { platformId: string; toolUrls: Record<string, string> };
  expect(registered.toolUrls).toEqual({ login: `${baseURL}/api/lti/login`, launch: `${baseURL}/api/lti/launch`, jwks: `${baseURL}/api/lti/jwks`, deepLink: `${baseURL}/api/lti/launch` });
});

test.afterAll(async () => {
  await platform?.stop();
});

test("deep link, student launch in the LMS iframe, submission, score in the LMS gradebook", async ({ browser }) => {
  // The instructor picks content from the LMS: ConvLab opens framed, creates the course, and its picker answers the LMS.
  const instructorContext = await browser.newContext();
  const instructorPage = await instructorContext.newPage();
  const deepLinkHint = platform.prepareLaunch({ user: { sub: "e2e-instructor", name: "Ines Instructor", roles: [ROLE.instructor] }, messageType: "LtiDeepLinkingRequest" });
  await instructorPage.goto(`${platform.url}/course?hint=${deepLinkHint}`);
  const instructorFrame = instructorPage.frameLocator("#tool");
  await instructorFrame.getByRole("button", { name: `Create and add: ${EXERCISE_TITLE}` }).click();
  await expect(instructorFrame.getByRole("heading", { name: "Content added" })).toBeVisible();
  const resourceLinkId = await instructorFrame.locator(".dl-link").getAttribute("data-id");
  const link = platform.resourceLinks.get(resourceLinkId!)!;
  expect(link.custom.convlab_assignment_id).toBeTruthy();
  expect(platform.lineItems.get(link.lineItemId!)!.scoreMaximum).toBe(10);
  await instructorContext.close();

  // A student follows the link: signed in inside the iframe, on the assignment's exercise.
  const studentContext = await browser.newContext();
  const page = await studentContext.newPage();
  const student = { sub: "e2e-student", name: "Sam Student", roles: [ROLE.learner] };
  const launchResponse = page.waitForResponse((r) => r.url() === `${baseURL}/api/lti/launch` && r.request().method() === "POST");
  await page.goto(`${platform.url}/course?hint=${platform.prepareLaunch({ user: student, messageType: "LtiResourceLinkRequest", resourceLinkId: resourceLinkId! })}`);
  // The landing page may be framed by exactly the registered LMS; its cookies survive a third-party iframe.
  const landing = await launchResponse;
  expect((await landing.headerValue("content-security-policy"))?.split(";").map((d) => d.trim())).toContain(`frame-ancestors ${platform.url}`);
  const cookies = (await landing.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(cookies.find((c) => c.includes("session_token="))).toMatch(/; HttpOnly; SameSite=None; Secure; Partitioned$/);
  expect(cookies.join("\n")).not.toContain("id_token");
  const frame = page.frameLocator("#tool");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(EXERCISE_TITLE);
  const exerciseFrame = page.frames().find((f) => f.url().includes(`/assignments/${link.custom.convlab_assignment_id}/convolution`));
  expect(exerciseFrame, page.frames().map((f) => f.url()).join("\n")).toBeTruthy();
  await exerciseFrame!.waitForFunction(() => window.__convlabEditor !== undefined);
  await exerciseFrame!.evaluate((text) => window.__convlabEditor!.setValue(text), SOLUTION);
  await frame.getByRole("button", { name: "Submit" }).click();
  await expect(frame.getByTestId("results-announcement")).toHaveText("Submission graded: 10 of 10, passed", { timeout: 90_000 });

  // The score reaches the LMS by itself.
  await expect.poll(() => platform.gradeOf(resourceLinkId!, student.sub)?.scoreGiven, { timeout: 30_000 }).toBe(10);
  await page.goto(`${platform.url}/gradebook`);
  await expect(page.locator(`#gradebook tr[data-user="${student.sub}"] .score`)).toHaveText("10/10");
  await studentContext.close();

  // The instructor, launched from the same link, lands on the assignment and sees the sync state.
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  const staffHint = platform.prepareLaunch({ user: { sub: "e2e-instructor", name: "Ines Instructor", roles: [ROLE.instructor] }, messageType: "LtiResourceLinkRequest", resourceLinkId: resourceLinkId! });
  await staffPage.goto(`${platform.url}/course?hint=${staffHint}`);
  await expect.poll(() => staffPage.frames().find((f) => /\/instructor\/courses\/[^/]+\/assignments\//.test(f.url()))?.url()).toBeTruthy();
  const staffFrame = staffPage.frames().find((f) => /\/instructor\/courses\/[^/]+\/assignments\//.test(f.url()))!;
  const courseId = /\/instructor\/courses\/([^/]+)\//.exec(staffFrame.url())![1];
  await staffFrame.goto(`${baseURL}/instructor/courses/${courseId}/lms`);
  const row = staffFrame.locator("tr", { hasText: "Sam Student" });
  await expect(row).toHaveAttribute("data-status", "sent");
  await expect(row).toContainText("10 / 10");
  // "Sync roster now": progress while the LMS answers, then what changed; a refusal shows the LMS's answer.
  await staffFrame.getByRole("button", { name: "Sync roster now" }).click();
  await expect(staffFrame.getByRole("status")).toHaveText(`Roster synced: ${platform.members.length} members active, 0 marked as left.`);
  await staffPage.screenshot({ path: "test-results/e2e/lti-roster.png", fullPage: true });
  platform.membershipsFailure = 403;
  await staffFrame.getByRole("button", { name: "Sync roster now" }).click();
  await expect(staffFrame.locator("p[role=alert]")).toContainText("Stand-in LMS did not hand over the roster. Its answer: HTTP 403");
  platform.membershipsFailure = null;
  await staffContext.close();
});

test("a refused launch shows what to tell the LMS admin", async ({ page }) => {
  const response = await page.request.post(`${baseURL}/api/lti/launch`, { form: { id_token: "not-a-jwt", state: "s" } });
  expect(response.status()).toBe(400);
  await page.setContent(await response.text());
  await expect(page.locator("#lti-error")).toHaveAttribute("data-reason", "tokenMalformed");
  await expect(page.getByText("What to tell your LMS administrator:")).toBeVisible();
});
