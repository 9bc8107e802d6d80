import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@runner$/, replacement: here("./runner/src/index.ts") },
      { find: /^@exercises\//, replacement: here("./exercises/") + "/" },
      { find: /^@\//, replacement: here("./src/") + "/" },
      { find: /^server-only$/, replacement: here("./tests/support/server-only-stub.ts") },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "runner/**/*.test.ts", "exercises/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Only for tests: the app has no fallback secret (src/server/env.ts readAuthSecret).
    env: { BETTER_AUTH_SECRET: "vitest-only-secret-Hn4Qw8Zr2Lk6Tp0Vx3Mb7Cd" },
  },
});
