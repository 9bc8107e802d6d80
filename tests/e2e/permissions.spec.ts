// Server-side permission checks, exercised over HTTP with real sessions.
import type { APIRequestContext } from "@playwright/test";
import { E2E_METRICS_TOKEN } from "../../playwright.config";
import { DEMO_INSTRUCTOR, DEMO_STUDENT, expect, test } from "./helpers";

async function signInApi(request: APIRequestContext, who: { email: string; password: string }) {
  const res = await request.post("/api/auth/sign-in/email", { data: who, headers: { origin: test.info().project.use.baseURL! } });
  expect(res.status()).toBe(200);
}

test("signed-out visitors are sent to sign-in and refused by the API", async ({ request }) => {
  const page = await request.get("/instructor", { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(page.status());
  expect(page.headers()["location"]).toContain("/sign-in");
  const api = await request.post("/api/courses/join", { data: { code: "DEMOCONV" } });
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthenticated");
});

test("a student never sees instructor pages", async ({ request }) => {
  await signInApi(request, DEMO_STUDENT);
  const res = await request.get("/instructor");
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain("DEMOCONV");
});

test("the instructor sees the instructor area", async ({ request }) => {
  await signInApi(request, DEMO_INSTRUCTOR);
  const res = await request.get("/instructor");
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("DEMOCONV");
});

test("the join API validates its body and answers in the one error shape", async ({ request }) => {
  await signInApi(request, DEMO_STUDENT);
  const missing = await request.post("/api/courses/join", { data: {} });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error.message).toContain("course code");
  const unknown = await request.post("/api/courses/join", { data: { code: "NOPE1234" } });
  expect(unknown.status()).toBe(404);
  const huge = await request.post("/api/courses/join", { data: { code: "A".repeat(40_000) } });
  expect(huge.status()).toBe(413);
  const notJson = await request.post("/api/courses/join", { data: "code=DEMOCONV", headers: { "content-type": "text/plain" } });
  // text/plain is what a foreign page can post without a CORS preflight: refused before it is read.
  expect(notJson.status()).toBe(415);
  expect((await notJson.json()).error.code).toBe("unsupported_media_type");
  const ok = await request.post("/api/courses/join", { data: { code: "democonv" } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).alreadyEnrolled).toBe(true);
});

test("/api/health tells everyone whether grading works, and its figures only to an operator", async ({ request }) => {
  const anonymous = await request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toEqual({ ok: true, grading: { status: "ok" } });

  await signInApi(request, DEMO_INSTRUCTOR);
  expect(Object.keys((await (await request.get("/api/health")).json()).grading)).toEqual(["status"]);

  const wrong = await request.get("/api/health", { headers: { authorization: "Bearer not-the-token-at-all" } });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error.code).toBe("unauthenticated");
  const malformed = await request.get("/api/health", { headers: { authorization: E2E_METRICS_TOKEN } });
  expect(malformed.status()).toBe(400);

  const operator = await request.get("/api/health", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(operator.status()).toBe(200);
  const report = await operator.json();
  expect(report).toMatchObject({ ok: true, database: "sqlite", grading: { status: "ok", mode: "database-queue" } });
  expect(report.grading.queue).toEqual(expect.objectContaining({ queued: expect.any(Number), maxQueued: expect.any(Number) }));
  expect(report.grading.recent).toEqual(expect.objectContaining({ gradingsPerMinute: expect.any(Number) }));
});
