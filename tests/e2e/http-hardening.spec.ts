// Issue 11, against the real `next start`: request bodies are read capped from the stream (a
// 200 MB chunked upload neither grows the server's memory nor gets past 413), state changes need
// same-origin JSON, better-auth's endpoints are behind the same gate and field limits, and pages
// carry the security headers and a Content-Security-Policy that forbids framing.
import { randomUUID } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";
import { baseURL } from "../../playwright.config";
import { resolveDatabaseConfig } from "../../prisma/database-url";
import { findListeningPid, readRssMb } from "../support/server-process";
import { DEMO_ASSIGNMENT_TITLE, DEMO_STUDENT, expect, signIn, test, uniqueEmail } from "./helpers";

const port = Number(new URL(baseURL).port);
const MB = 1024 * 1024;

interface TRawResponse {
  status: number;
  body: string;
  setCookies: string[];
}

/** One request with exactly these headers (no Origin unless given), as a script or a foreign page would send it. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<TRawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "localhost", port, method, path, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body: text, setCookies: response.headers["set-cookie"] ?? [] }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Streams `totalBytes` of JSON-looking body in chunks, with no Content-Length, until the server
 * answers; meanwhile samples the server's resident memory. Returns the answer, how much was sent
 * and the peak growth of the server's memory over what it used before.
 */
function uploadHugeBody(path: string, headers: Record<string, string>, totalBytes: number): Promise<{ status: number; body: string; sentMb: number; peakGrowthMb: number }> {
  const pid = findListeningPid(port);
  const before = readRssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, readRssMb(pid))), 20);
  const chunk = Buffer.alloc(256 * 1024, "a");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const finish = (status: number, body: string) => {
      clearInterval(sampler);
      peak = Math.max(peak, readRssMb(pid));
      resolve({ status, body, sentMb: sent / MB, peakGrowthMb: peak - before });
    };
    const request = http.request({ host: "localhost", port, method: headers["x-method"] ?? "POST", path, headers: { ...headers, "transfer-encoding": "chunked" } }, (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (part: string) => (text += part));
      response.on("end", () => {
        request.destroy();
        finish(response.statusCode!, text);
      });
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    request.write('{"email":"');
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered) request.end('"}');
    };
    pump();
  });
}

async function signInCookie(who: { email: string; password: string }): Promise<string> {
  const res = await send("POST", "/api/auth/sign-in/email", { origin: baseURL, "content-type": "application/json" }, JSON.stringify(who));
  expect(res.status).toBe(200);
  return res.setCookies.map((c) => c.split(";")[0]).join("; ");
}

test("a 200 MB chunked body to sign-in or the draft route gets 413 without growing the server's memory", async ({ page }) => {
  await signIn(page, DEMO_STUDENT);
  await page.getByRole("link", { name: "Convolution of one channel" }).first().click();
  await page.waitForURL(/\/assignments\/[^/]+\/convolution$/);
  const draftPath = `/api/assignments/${new URL(page.url()).pathname.split("/")[2]}/exercises/convolution/draft`;
  const cookie = await signInCookie(DEMO_STUDENT);
  const json = { origin: baseURL, "content-type": "application/json" };

  const signInUpload = await uploadHugeBody("/api/auth/sign-in/email", json, 200 * MB);
  console.log(`sign-in: ${signInUpload.status} after ${signInUpload.sentMb.toFixed(1)} MB sent, server RSS +${signInUpload.peakGrowthMb.toFixed(1)} MB`);
  expect(signInUpload.status).toBe(413);
  expect(JSON.parse(signInUpload.body).error.code).toBe("payload_too_large");
  expect(signInUpload.peakGrowthMb).toBeLessThan(50);

  const draftUpload = await uploadHugeBody(draftPath, { ...json, cookie, "x-method": "PUT" }, 200 * MB);
  console.log(`draft: ${draftUpload.status} after ${draftUpload.sentMb.toFixed(1)} MB sent, server RSS +${draftUpload.peakGrowthMb.toFixed(1)} MB`);
  expect(draftUpload.status).toBe(413);
  expect(JSON.parse(draftUpload.body).error.message).toContain("KB");
  expect(draftUpload.peakGrowthMb).toBeLessThan(50);

  // The server is still there, the student's session still works, and nothing was saved as a draft.
  const session = await send("GET", "/api/auth/get-session", { cookie });
  expect(JSON.parse(session.body).user.email).toBe(DEMO_STUDENT.email);
  await page.reload();
  await page.waitForFunction(() => window.__convlabEditor !== undefined);
  expect(await page.evaluate(() => window.__convlabEditor!.getValue())).not.toContain("aaaa");
});

test("state changes need same-origin JSON: a foreign Origin, no Origin, or text/plain are refused in the one error shape", async () => {
  const cookie = await signInCookie(DEMO_STUDENT);
  const body = JSON.stringify({ code: "DEMOCONV" });
  const foreign = await send("POST", "/api/courses/join", { cookie, origin: "https://evil.example", "content-type": "application/json" }, body);
  expect(foreign.status).toBe(403);
  expect(JSON.parse(foreign.body).error.code).toBe("forbidden");
  const formFromElsewhere = await send("POST", "/api/courses/join", { cookie, origin: "https://evil.example", "content-type": "text/plain" }, body);
  expect(formFromElsewhere.status).toBe(403);
  const noOrigin = await send("POST", "/api/courses/join", { cookie, "content-type": "application/json" }, body);
  expect(noOrigin.status).toBe(403);
  const fetchMetadata = await send("POST", "/api/courses/join", { cookie, "sec-fetch-site": "same-origin", "content-type": "application/json" }, body);
  expect(fetchMetadata.status).toBe(200);
  const crossSiteMetadata = await send("POST", "/api/courses/join", { cookie, "sec-fetch-site": "cross-site", "content-type": "application/json" }, body);
  expect(crossSiteMetadata.status).toBe(403);
  const plain = await send("POST", "/api/courses/join", { cookie, origin: baseURL, "content-type": "text/plain" }, body);
  expect(plain.status).toBe(415);
  expect(JSON.parse(plain.body).error.message).toContain("application/json");

  // better-auth's endpoints: a foreign page cannot sign a visitor in or out, nor post a form.
  const credentials = JSON.stringify(DEMO_STUDENT);
  const foreignSignIn = await send("POST", "/api/auth/sign-in/email", { origin: "https://evil.example", "content-type": "application/json" }, credentials);
  expect(foreignSignIn.status).toBe(403);
  expect(JSON.parse(foreignSignIn.body).error.code).toBe("forbidden");
  expect(foreignSignIn.setCookies).toEqual([]);
  const formSignIn = await send("POST", "/api/auth/sign-in/email", { origin: baseURL, "content-type": "application/x-www-form-urlencoded" }, "email=a&password=b");
  expect(formSignIn.status).toBe(415);
  const foreignSignOut = await send("POST", "/api/auth/sign-out", { cookie, origin: "https://evil.example", "content-type": "application/json" }, "{}");
  expect(foreignSignOut.status).toBe(403);
});

test("names are at most 100 characters and malformed fields are a 400 on better-auth's own endpoints", async () => {
  const json = { origin: baseURL, "content-type": "application/json" };
  const signUp = (name: unknown) => send("POST", "/api/auth/sign-up/email", json, JSON.stringify({ email: uniqueEmail("name"), password: "long-enough-1", name }));

  const huge = await signUp("x".repeat(2_000_000));
  expect(huge.status).toBe(413);
  const long = await signUp("x".repeat(101));
  expect(long.status).toBe(400);
  expect(JSON.parse(long.body).error).toEqual({ code: "validation", message: "Name is at most 100 characters." });
  const malformed = await signUp({});
  expect(malformed.status).toBe(400);
  expect(JSON.parse(malformed.body).error.code).toBe("validation");
  const notJson = await send("POST", "/api/auth/sign-up/email", json, "{name:");
  expect(notJson.status).toBe(400);
  expect(JSON.parse(notJson.body).error.code).toBe("bad_request");

  const email = uniqueEmail("rename");
  const created = await send("POST", "/api/auth/sign-up/email", json, JSON.stringify({ email, password: "long-enough-1", name: "Short Name" }));
  expect(created.status).toBe(200);
  const cookie = created.setCookies.map((c) => c.split(";")[0]).join("; ");
  const renamed = await send("POST", "/api/auth/update-user", { ...json, cookie }, JSON.stringify({ name: "y".repeat(5000) }));
  expect(renamed.status).toBe(400);
  expect(JSON.parse(renamed.body).error.code).toBe("validation");
  const malformedRename = await send("POST", "/api/auth/update-user", { ...json, cookie }, JSON.stringify({ name: { first: "x" } }));
  expect(malformedRename.status).toBe(400);
  const session = await send("GET", "/api/auth/get-session", { cookie });
  expect(JSON.parse(session.body).user.name).toBe("Short Name");
  const fine = await send("POST", "/api/auth/update-user", { ...json, cookie }, JSON.stringify({ name: "A Proper Name" }));
  expect(fine.status).toBe(200);
});

test("pages carry the security headers, a nonce-based CSP without unsafe-eval, and cannot be framed", async ({ page, browser, cspViolations }) => {
  const response = await send("GET", "/sign-in", {});
  const raw = await fetch(`${baseURL}/sign-in`);
  const csp = raw.headers.get("content-security-policy")!;
  expect(response.status).toBe(200);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(raw.headers.get("x-content-type-options")).toBe("nosniff");
  expect(raw.headers.get("referrer-policy")).toBe("same-origin");
  expect(raw.headers.get("permissions-policy")).toContain("camera=()");
  // A fresh nonce per response, on Next.js's own inline scripts.
  const again = (await fetch(`${baseURL}/sign-in`)).headers.get("content-security-policy")!;
  expect(again).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(await raw.text()).toContain(`nonce="${nonce}"`);
  const api = await fetch(`${baseURL}/api/health`);
  expect(api.headers.get("x-content-type-options")).toBe("nosniff");

  // Another site framing the sign-in page gets an empty frame; the browser reports the refusal.
  const framer = await browser.newPage();
  const refusals: string[] = [];
  framer.on("console", (message) => {
    if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
  });
  await framer.setContent(`<iframe id="victim" src="${baseURL}/sign-in"></iframe>`);
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  const framed = framer.frames().find((frame) => frame.url().includes("/sign-in"));
  expect(framed ? await framed.locator("input").count().catch(() => 0) : 0).toBe(0);
  await framer.close();
  // That refusal was the point of this test; any other violation still fails it.
  const provoked = cspViolations.filter((v) => /frame-ancestors/.test(v));
  expect(provoked.length).toBeGreaterThan(0);
  cspViolations.splice(0, cspViolations.length, ...cspViolations.filter((v) => !provoked.includes(v)));
  await page.goto("/sign-in");
});

/** Adds an assignment to the demo course that opens on 2099-03-01 09:30 in Shanghai, with the convolution exercise. */
function addUnopenedAssignment(): string {
  const filePath = resolveDatabaseConfig(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "file:./data/e2e.db").filePath!;
  const connection = new Database(filePath, { timeout: 5000 });
  try {
    const demo = connection.prepare("SELECT id, courseId, createdAt FROM assignment WHERE title = ?").get(DEMO_ASSIGNMENT_TITLE) as { id: string; courseId: string; createdAt: string };
    const id = `later${randomUUID().replaceAll("-", "").slice(0, 20)}`;
    connection
      .prepare(
        "INSERT INTO assignment (id, courseId, title, opensAt, dueAt, timeZone, latePenaltyPerDay, allowLate, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 'Asia/Shanghai', 0, 0, ?, ?)",
      )
      .run(id, demo.courseId, `Later lab ${id.slice(-4)}`, "2099-03-01T01:30:00.000+00:00", "2099-03-08T01:30:00.000+00:00", demo.createdAt, demo.createdAt);
    connection.prepare("INSERT INTO assignment_exercise (assignmentId, exerciseId, \"order\") SELECT ?, exerciseId, 0 FROM assignment_exercise ae JOIN exercise e ON e.id = ae.exerciseId WHERE ae.assignmentId = ? AND e.slug = 'convolution'").run(id, demo.id);
    return id;
  } finally {
    connection.close();
  }
}

test("before an assignment opens a student sees when, in its time zone and both languages, and Run refuses", async ({ page, browser }) => {
  const assignmentId = addUnopenedAssignment();
  await signIn(page, DEMO_STUDENT);
  await page.goto(`/assignments/${assignmentId}/convolution`);
  await expect(page.getByTestId("not-open-notice")).toContainText("This assignment opens on");
  await expect(page.getByTestId("not-open-notice")).toContainText("09:30");
  await expect(page.getByRole("button", { name: "Run samples" })).toHaveCount(0);
  const run = await page.request.post(`/api/assignments/${assignmentId}/exercises/convolution/run`, { data: { code: "def convolution(img, kernel, padding=1, stride=1):\n    return img\n" } });
  expect(run.status()).toBe(403);
  expect((await run.json()).error.message).toBe("This assignment opens on 2099-03-01 09:30 (Asia/Shanghai); Run works from then on.");

  const chinese = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const zhPage = await chinese.newPage();
  await zhPage.goto(`/sign-in?next=${encodeURIComponent(`/assignments/${assignmentId}/convolution`)}`);
  await zhPage.locator("input[type=email]").fill(DEMO_STUDENT.email);
  await zhPage.locator("input[type=password]").fill(DEMO_STUDENT.password);
  await zhPage.getByRole("button", { name: "登录", exact: true }).click();
  await expect(zhPage.getByTestId("not-open-notice")).toContainText("该作业将于");
  await expect(zhPage.getByTestId("not-open-notice")).toContainText("09:30");
  await chinese.close();
});
