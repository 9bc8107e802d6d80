// How fast the pages students and instructors open most come up, measured in Debian's Chromium:
// `npm run --silent bench:pages [-- --json] [--runs 10] [--no-build] [--keep]`. Starts the
// production build on a throwaway SQLite database with the demo course (scripts/lib/start-convlab.ts),
// signs in the demo student and instructor, and loads each page `runs` times, every time in a
// fresh (cold) browser context, after one uncounted warm-up load of the server. Per page, medians:
//   ttfbMs         navigation start to the first byte of the HTML
//   fcpMs          first contentful paint
//   textareaMs     (exercise page) a student's first keystroke reached the editor's textarea: the bench
//                  clicks into the textarea and types the moment it has a box on screen. It is in the
//                  server's HTML and takes typing before the page hydrates; every load checks that the
//                  typed text is still there once Monaco has replaced the textarea
//   editorReadyMs  (exercise page) Monaco has replaced the textarea; null elsewhere
//   jsKbGzip       JavaScript the HTML loads (as transferred, gzip), before any lazy chunk such as Monaco
// The last line of stdout is one JSON object: {"pages":[{path, ttfbMs, fcpMs, textareaMs, editorReadyMs, jsKbGzip}]};
// with --json it is the only line. Wall times depend on what else the machine runs, so stderr also
// gets, per page, the page's main-thread CPU time (Chromium's ScriptDuration and TaskDuration, up
// to the last mark) and the load average: figures to compare runs made under different loads.
// For the exercise page stderr also has Monaco's time on a second load in the same context (a later
// visit: scripts from the browser's cache). BENCH_PAGES_DETAIL=1 prints every load's timeline on
// stderr too: marks, long tasks, and each script's [file, request start, response end, KB].
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type CDPSession } from "playwright-core";
import { z } from "zod";
import { findRepoRoot } from "../prisma/database-url";
import { createPrismaClient } from "@/server/db-client";
import { percentile } from "@/server/grading-queue/read-grading-stats";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./lib/chromium";
import { ensureBuild, findFreePort, prepareDatabase, say, startProcess, waitForHealth, type TManagedProcess } from "./lib/start-convlab";

const DEMO_STUDENT = { email: "student@convlab.test", password: "student-demo-1" };
const DEMO_INSTRUCTOR = { email: "instructor@convlab.test", password: "instructor-demo-1" };
const EXERCISE = "convolution";
/** What the bench types into the editor's textarea the moment it shows. */
const TYPED = "# typed before the page had loaded\n";

const ZArgs = z.object({
  json: z.boolean().default(false),
  runs: z.coerce.number().int().min(1).max(100).default(10),
  "no-build": z.boolean().default(false),
  keep: z.boolean().default(false),
});

interface TLoad {
  ttfbMs: number;
  fcpMs: number;
  textareaMs: number | null;
  /** when the editor's effects first ran: the page has hydrated */
  hydratedMs: number | null;
  editorReadyMs: number | null;
  /** Monaco on a second load in the same context (a later visit, scripts cached) */
  warmEditorReadyMs: number | null;
  jsKbGzip: number;
  /** main-thread time running scripts, and running tasks of any kind (style, layout, parsing too) */
  scriptMs: number;
  taskMs: number;
}

export interface TPageFigures {
  path: string;
  ttfbMs: number;
  fcpMs: number;
  textareaMs: number | null;
  editorReadyMs: number | null;
  jsKbGzip: number;
}

/**
 * Runs in the page before its own scripts: notes when the editor's test handle appears (set in an
 * effect, so after hydration) and when the editor switches to Monaco. A string, not a function:
 * tsx's name-keeping helpers would not exist in the page.
 */
const RECORD_MILESTONES = `
  const marks = {};
  window.__benchMarks = marks;
  let handle;
  Object.defineProperty(window, "__convlabEditor", {
    configurable: true,
    get() { return handle; },
    set(value) { handle = value; if (marks.hydrated === undefined) marks.hydrated = performance.now(); },
  });
  document.addEventListener("input", function (event) {
    if (marks.textarea === undefined && event.target && event.target.closest && event.target.closest('[data-testid="code-editor"]')) marks.textarea = performance.now();
  }, true);
  new MutationObserver(function () {
    if (marks.monaco === undefined && document.querySelector('[data-editor="monaco"]')) marks.monaco = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-editor"], childList: true });
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver(function (list) {
      for (const entry of list.getEntries()) window.__benchLongTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {}
`;

async function signIn(baseUrl: string, who: { email: string; password: string }): Promise<{ name: string; value: string }[]> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(who),
  });
  if (!response.ok) throw new Error(`sign-in of ${who.email} failed: HTTP ${response.status}`);
  return response.headers.getSetCookie().map((cookie) => {
    const [pair] = cookie.split(";");
    const at = pair!.indexOf("=");
    return { name: pair!.slice(0, at), value: pair!.slice(at + 1) };
  });
}

/**
 * Clicks into the editor's textarea and types, the moment the textarea has a box on screen, as a
 * student who starts typing at once would. One DevTools call waits in the page, frame by frame,
 * for the box (Playwright's own waiting adds round trips of several hundred ms on a busy page);
 * the click and the text then go in as input events.
 */
async function typeAsSoonAsVisible(cdp: CDPSession): Promise<void> {
  const waitForBox = `new Promise((resolve) => {
    const check = () => {
      const textarea = document.querySelector("textarea[data-keep-typed]");
      const box = textarea && textarea.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) resolve([box.x + 20, box.y + 10]);
      else requestAnimationFrame(check);
    };
    check();
  })`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    // Fails while the navigation replaces the blank page: try again in the new document.
    const answer = await cdp.send("Runtime.evaluate", { expression: waitForBox, awaitPromise: true, returnByValue: true }).catch(() => null);
    const point = answer?.result.value as [number, number] | undefined;
    if (point) {
      for (const type of ["mousePressed", "mouseReleased"] as const) await cdp.send("Input.dispatchMouseEvent", { type, x: point[0], y: point[1], button: "left", clickCount: 1 });
      await cdp.send("Input.insertText", { text: TYPED });
      return;
    }
    if (Date.now() > deadline) throw new Error("the editor's textarea never showed");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function loadOnce(browser: Browser, baseUrl: string, pagePath: string, cookies: { name: string; value: string }[], hasEditor: boolean): Promise<TLoad> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: baseUrl })));
    await context.addInitScript({ content: RECORD_MILESTONES });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    // bytes on the wire (gzip) of every script, by URL
    const scriptBytes = new Map<string, Promise<number>>();
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scriptBytes.set(request.url(), request.sizes().then((sizes) => sizes.responseBodySize));
    });
    const loaded = page.goto(`${baseUrl}${pagePath}`, { waitUntil: "load" });
    if (hasEditor) await typeAsSoonAsVisible(cdp);
    const response = await loaded;
    if (hasEditor) {
      await page.waitForSelector('[data-editor="monaco"]', { timeout: 60_000 });
      const code = await page.evaluate(() => window.__convlabEditor?.getValue() ?? "");
      if (!code.includes(TYPED)) throw new Error(`the text typed before hydration is not in the editor: ${JSON.stringify(code.slice(0, 200))}`);
    }
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 30_000 });
    // The scripts the HTML names itself: the page's first load, without lazy chunks such as Monaco.
    const html = (await response?.text()) ?? "";
    const htmlScripts = new Set(Array.from(html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), (match) => new URL(match[1]!.replaceAll("&amp;", "&"), baseUrl).href));
    const bytes = (await Promise.all(Array.from(scriptBytes, ([url, size]) => (htmlScripts.has(url) ? size : 0)))).reduce((a, b) => a + b, 0);
    const timings = await page.evaluate(() => {
      const marks = (window as unknown as { __benchMarks: Record<string, number | undefined> }).__benchMarks;
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const fcpMs = performance.getEntriesByName("first-contentful-paint")[0]!.startTime;
      return {
        ttfbMs: navigation.responseStart,
        fcpMs,
        // Typing can land in the frame before the first paint shows: usable once it shows.
        textareaMs: marks.textarea === undefined ? null : Math.max(marks.textarea, fcpMs),
        hydratedMs: marks.hydrated ?? null,
        editorReadyMs: marks.monaco ?? null,
        longTasks: (window as unknown as { __benchLongTasks: [number, number][] }).__benchLongTasks,
        scripts: performance
          .getEntriesByType("resource")
          .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === "script" || entry.name.endsWith(".js"))
          .map((entry) => {
            const timing = entry as PerformanceResourceTiming;
            return [timing.name.split("/").pop(), Math.round(timing.startTime), Math.round(timing.responseEnd), Math.round(timing.decodedBodySize / 1024)];
          }),
      };
    });
    if (process.env.BENCH_PAGES_DETAIL) say(`${pagePath}: ${JSON.stringify(timings)}`);
    const metrics = new Map((await cdp.send("Performance.getMetrics")).metrics.map((metric) => [metric.name, metric.value]));
    // The same page again in the same context, as on a student's next visit: scripts come from the cache.
    let warmEditorReadyMs: number | null = null;
    if (hasEditor) {
      await page.goto(`${baseUrl}${pagePath}`, { waitUntil: "load" });
      await page.waitForSelector('[data-editor="monaco"]', { timeout: 60_000 });
      warmEditorReadyMs = await page.evaluate(() => (window as unknown as { __benchMarks: Record<string, number | undefined> }).__benchMarks.monaco ?? null);
    }
    return { ...timings, warmEditorReadyMs, jsKbGzip: bytes / 1024, scriptMs: (metrics.get("ScriptDuration") ?? 0) * 1000, taskMs: (metrics.get("TaskDuration") ?? 0) * 1000 };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => Math.round(percentile([...values].sort((a, b) => a - b), 0.5)! * 10) / 10;
const medianOrNull = (values: (number | null)[]) => (values.some((value) => value === null) ? null : median(values as number[]));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: "boolean" }, runs: { type: "string" }, "no-build": { type: "boolean" }, keep: { type: "boolean" } },
  });
  const args = ZArgs.parse(values);
  const root = findRepoRoot();
  const dir = mkdtempSync(path.join(tmpdir(), "convlab-bench-pages-"));
  const processes: TManagedProcess[] = [];
  let browser: Browser | null = null;
  try {
    if (!args["no-build"]) await ensureBuild({ root, force: false });
    const database = await prepareDatabase({ root, dir, postgres: false });
    const db = createPrismaClient(database.url);
    const assignment = await db.assignment.findFirstOrThrow({
      where: { course: { code: "DEMOCONV" }, exercises: { some: { exercise: { slug: EXERCISE } } } },
      select: { id: true, courseId: true },
    });
    await db.$disconnect();

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    processes.push(
      startProcess({
        name: "web server",
        root,
        args: ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
        env: { DATABASE_URL: database.url, PORT: String(port), BETTER_AUTH_URL: baseUrl, BETTER_AUTH_SECRET: randomBytes(24).toString("hex"), CONVLAB_DISABLE_RATE_LIMIT: "1" },
        logFile: path.join(dir, "web.log"),
      }),
    );
    await waitForHealth(baseUrl, 120_000, processes);
    const [student, instructor] = [await signIn(baseUrl, DEMO_STUDENT), await signIn(baseUrl, DEMO_INSTRUCTOR)];
    process.env.XDG_CONFIG_HOME ??= path.join(dir, "xdg");
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

    const pages = [
      { path: "/", cookies: student, hasEditor: false },
      { path: `/assignments/${assignment.id}/${EXERCISE}`, cookies: student, hasEditor: true },
      { path: `/instructor/courses/${assignment.courseId}/assignments/${assignment.id}`, cookies: instructor, hasEditor: false },
    ];
    const figures: TPageFigures[] = [];
    for (const target of pages) {
      await loadOnce(browser, baseUrl, target.path, target.cookies, target.hasEditor);
      const loads: TLoad[] = [];
      const loadBefore = loadavg()[0]!;
      for (let run = 0; run < args.runs; run += 1) loads.push(await loadOnce(browser, baseUrl, target.path, target.cookies, target.hasEditor));
      const row: TPageFigures = {
        path: target.path,
        ttfbMs: median(loads.map((load) => load.ttfbMs)),
        fcpMs: median(loads.map((load) => load.fcpMs)),
        textareaMs: medianOrNull(loads.map((load) => load.textareaMs)),
        editorReadyMs: medianOrNull(loads.map((load) => load.editorReadyMs)),
        jsKbGzip: median(loads.map((load) => load.jsKbGzip)),
      };
      figures.push(row);
      say(
        `${row.path}: TTFB ${row.ttfbMs} ms, FCP ${row.fcpMs} ms, textarea ${row.textareaMs ?? "-"} ms (hydrated ${medianOrNull(loads.map((load) => load.hydratedMs)) ?? "-"} ms), Monaco ${row.editorReadyMs ?? "-"} ms (on a later visit ${medianOrNull(loads.map((load) => load.warmEditorReadyMs)) ?? "-"} ms), JS ${row.jsKbGzip.toFixed(1)} KB gzip; ` +
          `main thread: scripts ${median(loads.map((load) => load.scriptMs))} ms, all tasks ${median(loads.map((load) => load.taskMs))} ms ` +
          `(p50 of ${args.runs}; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)})`,
      );
    }
    process.stdout.write(`${JSON.stringify({ pages: figures })}\n`);
  } finally {
    await browser?.close();
    await Promise.all(processes.map((p) => p.stop()));
    if (args.keep) say(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
