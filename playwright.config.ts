// End-to-end tests in Debian's Chromium through playwright-core: no browser is ever downloaded.
// The server under test is the production build on a fresh SQLite database (start-server.sh).
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/lib/chromium";

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://localhost:${port}`;
/** Only for the throwaway e2e server: lets tests/e2e/permissions.spec.ts read /api/health's full figures. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-5Hq2Zr8Wm";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    // What a browser sends with its pages' requests: API calls made by the tests themselves need it
    // too, since the server refuses state changes without a same-origin Origin (src/server/request-origin.ts).
    extraHTTPHeaders: { origin: baseURL },
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `bash tests/e2e/start-server.sh ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "file:./data/e2e.db",
      BETTER_AUTH_URL: baseURL,
      // Only for the throwaway e2e database; real installs get a random secret from scripts/setup.sh.
      BETTER_AUTH_SECRET: "e2e-only-Xq7w9Lr2Tz5Kp8Vb3Nc6Md1Fh4Jg0Sa",
      CONVLAB_DISABLE_RATE_LIMIT: "1",
      CONVLAB_METRICS_TOKEN: E2E_METRICS_TOKEN,
      NEXT_TELEMETRY_DISABLED: "1",
      XDG_CONFIG_HOME: "/tmp/convlab-e2e-xdg",
    },
  },
});
