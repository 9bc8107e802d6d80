// Result schema v1 → v2 on a real SQLite database. The v1 rows are 97 results the grader wrote
// before v2 (tests/fixtures/grading-results-v1.json: every buggy file, the starters, the solutions
// and each kind of ending). After the migration every row is v2 and shows, in English and in
// Chinese, exactly the text v1 showed; grading the same files again with the v2 grader shows it too
// (which mistakes it names changed with issue 14's diagnosis from evidence, not how they read).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "@runner";
import { gradeSubmission } from "@/grading/grade-submission";
import { MAX_MESSAGE_LENGTH, RESULT_VERSION, renderMessage } from "@/grading/result-format";
import { ZGradingResult, type TGradingResult } from "@/grading/result-schema";
import { ZGradingResultV1, type TGradingResultV1 } from "@/grading/result-v1";
import type { TLocale } from "@/i18n";
import { migrateStoredResults, StoredResultError } from "@/server/submissions/migrate-stored-results";
import { createTestDatabase, createUser, type TTestDatabase } from "./instructor-fixtures";
import { root } from "../support/test-database";

interface TFixture {
  exercise: string;
  name: string;
  mode: "run" | "submit";
  seed: number;
  source: string;
  result: TGradingResultV1;
}

const fixtures: TFixture[] = JSON.parse(readFileSync(path.join(root, "tests/fixtures/grading-results-v1.json"), "utf8"));
const rowId = (i: number) => `v1-${String(i).padStart(4, "0")}`;

/** Everything a reader sees as text, in the order the results panel shows it. */
function shownV2(result: TGradingResult, locale: TLocale): string[] {
  const show = renderMessage;
  return [
    result.message === null ? "" : show(result.message, locale, MAX_MESSAGE_LENGTH * 2),
    ...result.cases.flatMap((c) => [
      show(c.title, locale),
      show(c.message, locale, MAX_MESSAGE_LENGTH),
      ...(c.detail ? [...c.detail.input, c.detail.expected, ...(c.detail.actual ? [c.detail.actual] : [])].map((h) => show(h.label, locale)) : []),
    ]),
    ...result.diagnoses.map((d) => show(d.message, locale)),
  ];
}

/** The same as v1 showed it: the Chinese twin to a zh-CN reader, English where it had none. */
function shownV1(result: TGradingResultV1, locale: TLocale): string[] {
  const pick = (en: string, zh: string | null | undefined) => (locale === "zh-CN" && zh != null ? zh : en);
  return [
    result.message === null ? "" : pick(result.message, result.messageZh),
    ...result.cases.flatMap((c) => [
      pick(c.name, c.nameZh),
      pick(c.message, c.messageZh),
      ...(c.detail ? [...c.detail.input, c.detail.expected, ...(c.detail.actual ? [c.detail.actual] : [])].map((h) => pick(h.label, h.labelZh)) : []),
    ]),
    ...result.diagnoses.map((d) => pick(d.message, d.messageZh)),
  ];
}

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const user = await createUser(db, "Vera Version-One");
  const exercises = Object.fromEntries((await db.exercise.findMany()).map((e) => [e.slug, e.id]));
  await db.submission.createMany({
    data: fixtures.map((f, i) => ({
      id: rowId(i),
      userId: user.id,
      exerciseId: exercises[f.exercise],
      code: f.source,
      seed: f.seed,
      mode: f.mode,
      status: f.result.gradable ? f.result.status : "not_gradable",
      score: f.result.score,
      maxScore: f.result.maxScore,
      result: f.result,
    })),
  });
  // a submission still waiting has no result: the migration leaves it alone
  await db.submission.create({ data: { id: "v1-queued", userId: user.id, exerciseId: exercises.conv2d, code: "", seed: 1, mode: "run" } });
});

afterAll(async () => {
  await database?.drop();
});

describe("the v1 fixtures", () => {
  it("are real v1 results covering load errors, endings, wrong values and diagnoses in both languages", () => {
    expect(fixtures.length).toBe(97);
    expect(fixtures.every((f) => ZGradingResultV1.safeParse(f.result).success)).toBe(true);
    const messages = fixtures.map((f) => f.result.message ?? "").join("\n");
    for (const text of ["SyntaxError", "does not define a function", "while loading your file", "CPU-time limit"]) expect(messages).toContain(text);
    const caseMessages = fixtures.flatMap((f) => f.result.cases.map((c) => c.message)).join("\n");
    for (const text of ["Raised Crash", "Raised Exit", "ResultChannelClosed", "is wrong", "Wrong shape", "Returned a dict"]) expect(caseMessages).toContain(text);
    expect(fixtures.filter((f) => f.result.diagnoses.length > 0).length).toBeGreaterThan(40);
  });
});

describe("npm run results:migrate's migration", () => {
  it("stops at a row it cannot read, naming it, without writing that row's batch", async () => {
    const { db } = database;
    const user = await db.user.findFirstOrThrow();
    const bad = "v1-0040b";
    await db.submission.create({
      data: { id: bad, userId: user.id, exerciseId: (await db.exercise.findFirstOrThrow()).id, code: "", seed: 1, mode: "run", status: "failed", result: { version: 1, cases: "?" } },
    });
    const error = await migrateStoredResults(db, { batchSize: 16 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoredResultError);
    expect((error as Error).message).toMatch(/^Submission v1-0040b holds a grading result that is neither version 1 nor version 2: /);
    const versions = new Map((await db.submission.findMany({ select: { id: true, result: true } })).map((r) => [r.id, (r.result as { version?: number } | null)?.version]));
    // batches of 16 by id: rows 0-31 were written, the batch holding the bad row (32-47) was not
    expect([versions.get(rowId(0)), versions.get(rowId(31)), versions.get(rowId(32)), versions.get(rowId(40)), versions.get(rowId(47))]).toEqual([2, 2, 1, 1, 1]);
    await db.submission.delete({ where: { id: bad } });
  });

  it("rewrites every v1 row as v2 that reads the same in English and Chinese, and does nothing the second time", async () => {
    const { db } = database;
    expect((await migrateStoredResults(db, { batchSize: 16 })).migrated).toBe(fixtures.length - 32);
    expect(await migrateStoredResults(db, { batchSize: 16 })).toEqual({ migrated: 0 });
    const rows = new Map((await db.submission.findMany()).map((r) => [r.id, r]));
    expect(rows.get("v1-queued")!.result).toBeNull();
    fixtures.forEach((fixture, i) => {
      const stored = ZGradingResult.parse(rows.get(rowId(i))!.result);
      expect(stored.version).toBe(RESULT_VERSION);
      expect(JSON.stringify(stored)).not.toMatch(/"(messageZh|nameZh|labelZh)"/);
      for (const locale of ["en", "zh-CN"] as const) expect(shownV2(stored, locale), `${fixture.name} ${locale}`).toEqual(shownV1(fixture.result, locale));
      expect({ ...stored, message: null, cases: [], diagnoses: [], version: 1 }).toEqual({
        ...fixture.result,
        message: null,
        messageZh: undefined,
        cases: [],
        diagnoses: [],
      });
    });
  });
});

describe("the v2 grader on the same files", () => {
  // the address of object() differs per run; which time limit runs out first depends on the machine's load
  const UNSTABLE = new Set(["returns-object-scalar", "case-timeout", "top-level-timeout"]);
  // worded differently on purpose since v1: a list of rows of different lengths is now described
  // as the arrays it holds ("a list of 2 arrays, of shapes (2,), (1,)"), see runner/README.md
  const REWORDED = new Set(["returns-ragged"]);
  let runner: TRunner;

  beforeAll(() => {
    runner = createRunner({ poolSize: 2 });
  });

  afterAll(async () => {
    await runner.close();
  });

  it("shows the text v1 showed, in both languages", { timeout: 300_000 }, async () => {
    let comparedDiagnoses = 0;
    for (const fixture of fixtures.filter((f) => !UNSTABLE.has(f.name) && !REWORDED.has(f.name))) {
      const { result } = await gradeSubmission({ exercise: fixture.exercise, source: fixture.source, mode: fixture.mode, seed: fixture.seed, runner });
      expect(result.status, fixture.name).toBe(fixture.result.status);
      for (const locale of ["en", "zh-CN"] as const) {
        const label = `${fixture.exercise} ${fixture.name} ${locale}`;
        const diagnosesV1 = fixture.result.diagnoses.length;
        const shownV1Text = shownV1(fixture.result, locale);
        const withoutDiagnoses = (shown: string[], count: number) => shown.slice(0, shown.length - count);
        expect(withoutDiagnoses(shownV2(result, locale), result.diagnoses.length), label).toEqual(withoutDiagnoses(shownV1Text, diagnosesV1));
        // a mistake both graders name reads as it did
        const v1ByCode = new Map(fixture.result.diagnoses.map((d, i) => [d.code, shownV1Text[shownV1Text.length - diagnosesV1 + i]]));
        for (const diagnosis of result.diagnoses.filter((d) => v1ByCode.has(d.code))) {
          expect(renderMessage(diagnosis.message, locale), `${label} ${diagnosis.code}`).toBe(v1ByCode.get(diagnosis.code));
          comparedDiagnoses++;
        }
      }
    }
    expect(comparedDiagnoses).toBeGreaterThan(20);
  });
});
