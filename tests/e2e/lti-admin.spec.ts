// The admin's LTI page in Chromium, against a stand-in LMS (tests/support/lti-platform.ts) on
// another site: registering it through the form (and a refused http:// URL), a second deployment,
// the sites that may frame its launches (a launch is then framed by exactly those, the derived
// default again when emptied), and rotating ConvLab's signing key (both keys in the JWKS).
import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { LtiPlatform, ROLE } from "../support/lti-platform";
import { DEMO_ADMIN, signIn } from "./helpers";

test.use({ locale: "en-US" });

let platform: LtiPlatform;

test.beforeAll(async () => {
  platform = await new LtiPlatform({ toolJwks: `${baseURL}/api/lti/jwks`, toolLaunchUrl: `${baseURL}/api/lti/launch`, toolLoginUrl: `${baseURL}/api/lti/login`, contextId: `admin-ctx-${Date.now()}` }).start();
});

test.afterAll(async () => {
  await platform?.stop();
});

/** The CSP frame-ancestors of the launch landing page when this platform launches ConvLab in its iframe. */
async function launchFrameAncestors(page: import("@playwright/test").Page): Promise<string | undefined> {
  const hint = platform.prepareLaunch({ user: { sub: "admin-page-teacher", name: "Tess Teacher", roles: [ROLE.instructor] }, messageType: "LtiDeepLinkingRequest" });
  const landing = page.waitForResponse((r) => r.url() === `${baseURL}/api/lti/launch` && r.request().method() === "POST");
  await page.goto(`${platform.url}/course?hint=${hint}`);
  const policy = await (await landing).headerValue("content-security-policy");
  return policy?.split(";").map((d) => d.trim()).find((d) => d.startsWith("frame-ancestors"));
}

test("the admin registers an LMS, adds a deployment, sets its framing sites and rotates the signing key", async ({ page, browser }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/lti");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connect an LMS (LTI 1.3)");
  await expect(page.getByText(`${baseURL}/api/lti/jwks`)).toBeVisible();

  const fill = async (deploymentId: string, tokenUrl = platform.authTokenUrl) => {
    await page.getByLabel("Issuer (platform id)").fill(platform.issuer);
    await page.getByLabel("Client id").fill(platform.clientId);
    await page.getByLabel("Deployment id").fill(deploymentId);
    await page.getByLabel("OIDC authentication request URL").fill(platform.authLoginUrl);
    await page.getByLabel("Access token URL").fill(tokenUrl);
    await page.getByLabel("Public keyset (JWKS) URL").fill(platform.jwksUrl);
    await page.getByLabel("Name (optional)").fill("Admin-page LMS");
    await page.getByRole("button", { name: "Register" }).click();
  };
  // Plain http for a host other than this machine is refused, and nothing is registered.
  await fill(platform.deploymentId, "http://lms.example.edu/token");
  await expect(page.locator("p[role=alert]")).toHaveText("LMS URLs must use https:// (plain http:// is accepted only for localhost and 127.0.0.1).");
  await expect(page.getByRole("listitem", { name: "Admin-page LMS" })).toHaveCount(0);
  await fill(platform.deploymentId);
  await expect(page.getByRole("status")).toHaveText("Registered.");
  await fill("deployment-2");
  const item = page.getByRole("listitem", { name: "Admin-page LMS" });
  await expect(item).toContainText(`Deployments: ${platform.deploymentId}, deployment-2`);
  // By default the LMS's own site may frame its launches.
  await expect(item).toContainText(`In force: ${platform.url}`);

  // A school's Canvas frames ConvLab from its own host: the admin sets it; a path is refused.
  const framing = item.getByLabel("Sites that may frame ConvLab after a launch");
  await framing.fill("https://school.instructure.com/courses/1");
  await item.getByRole("button", { name: "Save framing sites" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText("Enter each framing origin as a site only, such as https://canvas.example.edu (no path), one per line.");
  await item.getByLabel("Sites that may frame ConvLab after a launch").fill("https://school.instructure.com");
  await item.getByRole("button", { name: "Save framing sites" }).click();
  await expect(page.getByRole("status")).toHaveText("Framing sites saved.");
  await expect(item).toContainText("In force: https://school.instructure.com");
  await page.screenshot({ path: "test-results/e2e/lti-admin.png", fullPage: true });

  const lmsContext = await browser.newContext();
  const lmsPage = await lmsContext.newPage();
  expect(await launchFrameAncestors(lmsPage)).toBe("frame-ancestors https://school.instructure.com");
  // Back to the default: the stand-in LMS frames ConvLab again, and the content picker shows.
  await item.getByLabel("Sites that may frame ConvLab after a launch").fill("");
  await item.getByRole("button", { name: "Save framing sites" }).click();
  await expect(item).toContainText(`In force: ${platform.url}`);
  expect(await launchFrameAncestors(lmsPage)).toBe(`frame-ancestors ${platform.url}`);
  await expect(lmsPage.frameLocator("#tool").getByRole("heading", { level: 1 })).toBeVisible();
  await lmsContext.close();

  // Key rotation: a new signing key, the old one still published for tokens it signed.
  const kidsBefore = ((await (await page.request.get("/api/lti/jwks")).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  await page.getByRole("button", { name: "Rotate the key" }).click();
  await expect(page.getByRole("status")).toContainText("New signing key: ");
  const newKid = /New signing key: (\S+)\./.exec((await page.getByRole("status").textContent()) ?? "")![1]!;
  await expect(page.getByText(`Current key: ${newKid}`)).toBeVisible();
  const kidsAfter = ((await (await page.request.get("/api/lti/jwks")).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  expect(kidsAfter).toEqual(expect.arrayContaining([newKid, ...kidsBefore]));
});
