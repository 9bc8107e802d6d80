// Issue 11, finding 2, against the production server (`next start` of the build in .next, which
// scripts/test-all.sh makes before the vitest run) on its own SQLite database, with no trusted
// proxy configured: password guessing through better-auth's HTTP endpoint with a new
// X-Forwarded-For on every request, and through the sign-in form's server action in Chromium,
// is refused with 429 after the limit, the right password included; so is a sign-up flood and a
// guessing run spread over many accounts from one address.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, root, type TTestDatabase } from "../support/test-database";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// 127.0.0.1, not localhost: the browser might reach localhost over ::1, another address.
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "right-password-1";

let database: TTestDatabase;
let server: ChildProcess;
let browser: Browser;
let serverLog = "";

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${serverLog}`);
    const ok = await fetch(`${BASE}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start did not answer within 90 s:\n${serverLog}`);
}

beforeAll(async () => {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("This test runs the production build: run `npx next build` first.");
  database = await createSqliteDatabase("sign-in-limits");
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      BETTER_AUTH_URL: BASE,
      BETTER_AUTH_SECRET: "rate-limit-test-only-4Jq8Xw2Lr6Zt",
      CONVLAB_GRADE_IN_PROCESS: "0",
      CONVLAB_DISABLE_RATE_LIMIT: "0",
      CONVLAB_TRUSTED_PROXY_HEADER: "",
      CONVLAB_LIMIT_SIGN_IN_PER_ACCOUNT: "5/15m",
      CONVLAB_LIMIT_SIGN_IN_PER_IP: "30/15m",
      CONVLAB_LIMIT_SIGN_UP_PER_IP: "4/1h",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  await waitForServer();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  await database?.drop();
});

let forwardedFor = 0;
/** A POST as an attacker sends it: a made-up X-Forwarded-For each time. */
function post(route: string, body: object): Promise<Response> {
  forwardedFor++;
  return fetch(`${BASE}/api/auth${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": `198.51.${forwardedFor >> 8}.${forwardedFor & 255}` },
    body: JSON.stringify(body),
  });
}

const signUp = (email: string) => post("/sign-up/email", { name: "Guesser", email, password: PASSWORD });
const signIn = (email: string, password: string) => post("/sign-in/email", { email, password });

// The tests share one server and so one address (127.0.0.1): they run in this order.
describe("from one address, with X-Forwarded-For rotating and no trusted proxy", () => {
  it("creates 4 accounts an hour, then refuses sign-ups with 429, Retry-After and when to try again, in the form too", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signUp(`user${i}@convlab.test`)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const refused = await signUp("user4@convlab.test");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: "Too many accounts were created from your network. Try again in 15 minutes." } });
    expect(await database.db.user.count()).toBe(4);

    // The sign-up form's server action counts against the same bucket.
    const page = await browser.newPage();
    try {
      await page.goto(`${BASE}/sign-up`);
      await page.getByLabel("Name").fill("Guesser");
      await page.getByLabel("Email").fill("user5@convlab.test");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      const alert = page.locator("form").getByRole("alert");
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText()).toBe("Too many accounts were created from your network. Try again in 15 minutes.");
    } finally {
      await page.close();
    }
    expect(await database.db.user.count()).toBe(4);
  });

  it("HTTP: 5 wrong passwords for an account, then 429 for the 6th and for the right password", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn("user0@convlab.test", `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await signIn("user0@convlab.test", "wrong-5");
    expect(sixth.status).toBe(429);
    const right = await signIn("user0@convlab.test", PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(170);
    expect(right.headers.get("set-cookie")).toBeNull();
    expect(await right.json()).toEqual({ error: { code: "rate_limited", message: "Too many sign-in attempts for this account. Try again in 3 minutes." } });
  });

  it("the sign-in form's server action: the same lockout, shown in the form, the right password included", async () => {
    const page = await browser.newPage();
    try {
      const attempt = async (password: string): Promise<string> => {
        await page.goto(`${BASE}/sign-in`);
        await page.getByLabel("Email").fill("user1@convlab.test");
        await page.getByLabel("Password").fill(password);
        await page.getByRole("button", { name: "Sign in" }).click();
        // the form's own alert: Next.js keeps an empty role=alert route announcer on every page
        const alert = page.locator("form").getByRole("alert");
        await alert.waitFor({ timeout: 30_000 });
        return alert.innerText();
      };
      for (let i = 0; i < 5; i++) expect(await attempt(`wrong-${i}`)).toBe("Wrong email or password.");
      expect(await attempt("wrong-5")).toBe("Too many sign-in attempts for this account. Try again in 3 minutes.");
      expect(await attempt(PASSWORD)).toBe("Too many sign-in attempts for this account. Try again in 3 minutes.");
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      expect((await page.context().cookies()).some((cookie) => cookie.name.includes("session_token"))).toBe(false);
    } finally {
      await page.close();
    }
  });

  it("guessing across many accounts is held by the per-address limit: 429 once 30 attempts are used", async () => {
    // The 14 attempts above (HTTP and form) came from this address too; one more fits every 30 s since.
    const statuses: number[] = [];
    while (statuses.length < 30 && statuses.at(-1) !== 429) statuses.push((await signIn(`nobody${statuses.length}@convlab.test`, "guess")).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length - 1).toBeGreaterThanOrEqual(16);
    expect(statuses.length - 1).toBeLessThanOrEqual(18);
    const refused = await signIn("user2@convlab.test", PASSWORD);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toMatch(/^Too many sign-in attempts from your network\. Try again in \d+ seconds\.$/);
  });
});
