// The server's start hook (instrumentation.ts) refuses to start without a proper auth secret, and
// says how to make one (issue 11: a hard-coded fallback secret let tokens be forged). Each case
// starts the hook in its own process, as `next start` does, with only the environment given here.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { root } from "../support/test-database";

const script = 'import("./instrumentation.ts").then((m) => (m.register ?? m.default.register)()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })';

async function startHook(secret: string | undefined): Promise<{ code: number; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_RUNTIME: "nodejs", DATABASE_URL: "file:/nonexistent/refused.db" };
  if (secret !== undefined) env.BETTER_AUTH_SECRET = secret;
  try {
    await promisify(execFile)("npx", ["tsx", "-e", script], { cwd: root, env, timeout: 60_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe("the production server's auth secret", () => {
  it("refuses to start without BETTER_AUTH_SECRET and says how to make one", async () => {
    const { code, stderr } = await startHook(undefined);
    expect(code).toBe(1);
    expect(stderr).toContain("ConvLab cannot start: BETTER_AUTH_SECRET is not set");
    expect(stderr).toContain("openssl rand -base64 32");
  });

  it("refuses a secret shorter than 32 characters", async () => {
    const { code, stderr } = await startHook("only-twenty-chars-xx");
    expect(code).toBe(1);
    expect(stderr).toContain("BETTER_AUTH_SECRET");
    expect(stderr).toContain("at least 32");
  });
});
