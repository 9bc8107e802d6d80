// The import zones of eslint.config.mjs, checked through ESLint's Node API on small snippets
// linted as if they lived at a path of each zone: every forbidden arrow fails with the
// no-restricted-imports rule, and the allowed ones pass, so a zone cannot silently stop working.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "../../prisma/database-url";

const root = findRepoRoot();
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages ESLint reports for `code` placed at `file`. */
async function zoneErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

const exportAll = (names: string) => `\nexport const used = [${names}];\n`;

const FORBIDDEN: [zone: string, file: string, code: string][] = [
  ["app → src/grading", "app/zone-probe/page.tsx", `import { gradeSubmission } from "@/grading/grade-submission";${exportAll("gradeSubmission")}`],
  ["app → src/grading (types too)", "app/zone-probe/page.tsx", `import type { TGradingResult } from "@/grading/result-schema";\nexport type T = TGradingResult;\n`],
  ["app → runner", "app/zone-probe/page.tsx", `import { createRunner } from "@runner";${exportAll("createRunner")}`],
  ["app → Prisma client", "app/zone-probe/page.tsx", `import { PrismaClient } from "@/generated/prisma/client";${exportAll("PrismaClient")}`],
  ["app → prisma/ folder", "app/zone-probe/route.ts", `import { resolveDatabaseConfig } from "../../prisma/database-url";${exportAll("resolveDatabaseConfig")}`],
  ["app → src by a relative path", "app/zone-probe/page.tsx", `import { db } from "../../src/server/db";${exportAll("db")}`],
  ["src/components → src/server value", "src/components/zone-probe.tsx", `import { db } from "@/server/db";${exportAll("db")}`],
  ["src/components → src/server value, relative", "src/components/workspace/zone-probe.tsx", `import { readEnv } from "../../server/env";${exportAll("readEnv")}`],
  ["src/grading → src/server", "src/grading/zone-probe.ts", `import { log } from "@/server/log";${exportAll("log")}`],
  ["src/grading → src/server, relative", "src/grading/zone-probe.ts", `import { AppError } from "../server/errors";${exportAll("AppError")}`],
  ["src/grading → Next.js", "src/grading/zone-probe.ts", `import { notFound } from "next/navigation";${exportAll("notFound")}`],
  ["src/grading → Prisma", "src/grading/zone-probe.ts", `import { PrismaClient } from "@prisma/client";${exportAll("PrismaClient")}`],
  ["runner → src", "runner/src/zone-probe.ts", `import { gradeSubmission } from "@/grading/grade-submission";${exportAll("gradeSubmission")}`],
  ["runner → src, relative", "runner/src/zone-probe.ts", `import { log } from "../../src/server/log";${exportAll("log")}`],
  ["src/server → runner", "src/server/grading-queue/zone-probe.ts", `import { createRunner } from "@runner";${exportAll("createRunner")}`],
  ["src/server → runner (types too)", "src/server/zone-probe.ts", `import type { TRunner } from "@runner";\nexport type T = TRunner;\n`],
  ["src/server → runner, relative", "src/server/zone-probe.ts", `import { createRunner } from "../../runner/src/create-runner";${exportAll("createRunner")}`],
];

const ALLOWED: [zone: string, file: string, code: string][] = [
  ["app → src/server, src/components, src/i18n, Next.js", "app/zone-probe/page.tsx", `import Link from "next/link";\nimport { db } from "@/server/db";\nimport { format } from "@/i18n";\nimport { LocalTime } from "@/components/workspace/local-time";${exportAll("Link, db, format, LocalTime")}`],
  ["src/components → src/server types", "src/components/zone-probe.tsx", `import type { TSubmissionView } from "@/server/submissions/get-submission-view";\nexport type T = TSubmissionView;\n`],
  ["src/server → src/grading's runner API", "src/server/zone-probe.ts", `import { createGradingRunner, type TRunner } from "@/grading/runner";\nexport type T = TRunner;${exportAll("createGradingRunner")}`],
  ["src/grading → runner", "src/grading/zone-probe.ts", `import type { TJob } from "@runner";\nexport type T = TJob;\n`],
  ["runner → its own files", "runner/src/zone-probe.ts", `import { createRunner } from "./create-runner";${exportAll("createRunner")}`],
];

describe("ESLint import zones", () => {
  it.each(FORBIDDEN)("refuses %s", async (_zone, file, code) => {
    expect(await zoneErrors(file, code)).toHaveLength(1);
  });

  it.each(ALLOWED)("allows %s", async (_zone, file, code) => {
    expect(await zoneErrors(file, code)).toEqual([]);
  });
});
