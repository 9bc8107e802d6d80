import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import zones: the arrows of ARCHITECTURE.md (app → src/server → src/grading → runner) as rules,
// checked by src/architecture.test.ts. One zone per folder; the folders do not overlap.
const forbid = (group, message, options = {}) => ({ group, message, ...options });
const DATABASE = ["@/generated/*", "@/generated/**", "**/generated/prisma*/**", "@prisma/*", "better-sqlite3", "pg", "pg-boss"];

const ZONES = [
  {
    // Pages fetch through src/server and hand plain data to src/components; they also use Next.js,
    // React, zod (form data) and better-auth's Next.js helpers. Nothing reaches past src/server.
    files: ["app/**/*.{ts,tsx}"],
    patterns: [
      forbid(["@/grading", "@/grading/*", "@runner", "@exercises/*", "**/runner/src/**"], "app reaches the grader and the sandbox only through src/server."),
      forbid([...DATABASE, "**/prisma/*"], "app reaches the database only through src/server operations."),
      forbid(["**/src/**"], "Import src/ through its @/ alias, from the zones app may use (src/server, src/components, src/i18n)."),
    ],
  },
  {
    // Client components receive plain data; the shapes of that data are src/server's types.
    files: ["src/components/**/*.{ts,tsx}"],
    patterns: [
      forbid(["@/server", "@/server/*", "@/server/**", "**/server/**"], "src/components may import only types from src/server (use `import type`).", { allowTypeImports: true }),
      forbid(["@runner", "**/runner/src/**", ...DATABASE, "**/prisma/*"], "src/components never reaches the sandbox or the database."),
    ],
  },
  {
    // The grader is pure TypeScript, shared by the CLI, the web server and the workers.
    files: ["src/grading/**/*.ts"],
    patterns: [
      forbid(["@/server", "@/server/*", "@/server/**", "**/server/**", "@/components/*", "@/components/**", "**/app/**"], "src/grading depends on nothing of the app."),
      forbid(["next", "next/*", "react", "react/*", "server-only"], "src/grading is plain TypeScript: no Next.js, no React."),
      forbid([...DATABASE, "**/prisma/*"], "src/grading knows no database."),
    ],
  },
  {
    // The sandbox stands alone; its contract is runner/README.md.
    files: ["runner/**/*.ts"],
    patterns: [forbid(["@/*", "@/**", "@exercises/*", "../../src/**", "../../../src/**", "../../exercises/**"], "runner/ imports nothing from the app.")],
  },
  {
    // The server reaches the sandbox through src/grading: src/grading/runner.ts and gradeSubmission.
    files: ["src/server/**/*.{ts,tsx}"],
    patterns: [forbid(["@runner", "**/runner/src", "**/runner/src/**"], "src/server reaches the runner only through src/grading (src/grading/runner.ts, gradeSubmission).")],
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "src/generated/**", "test-results/**", "next-env.d.ts", "prisma/engine/**"],
  },
  ...ZONES.map(({ files, patterns }) => ({ files, rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] } })),
];

export default config;
