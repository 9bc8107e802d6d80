// Reads a V8 .cpuprofile (from `npm run loadtest -- --cpu-prof <dir>` or `node --cpu-prof`) and
// prints where the CPU went: the top functions by self and by total time, and the time per area
// of the code (grader, Prisma, better-auth, Next.js, ...). With the loadtest's burst-window.json
// beside the profile, only the samples taken during the burst count, per submission.
//   npx tsx scripts/cpu-profile-summary.ts <file.cpuprofile> [--top 25]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";

const ZProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
const ZWindow = z.object({ fromUs: z.coerce.number(), toUs: z.coerce.number(), submissions: z.number().int().positive() });

/** Areas of the code, first match wins; the order puts our own code before the libraries it calls. */
const AREAS: Array<[string, RegExp]> = [
  ["grader (src/grading)", /src\/grading\//],
  ["runner client (runner/src)", /runner\/src\//],
  ["server domain (src/server)", /src\/server\//],
  ["prisma", /prisma|@prisma|query_compiler|better-sqlite3|adapter-/],
  ["better-auth", /better-auth|@better-auth|better-call|jose|@noble/],
  ["zod", /zod/],
  ["react / rsc", /react/],
  ["next.js", /next\/dist|\.next\//],
  ["node internals", /^node:|^internal\//],
];

/**
 * A production build's chunks have no source paths: a chunk is placed by text only its area's
 * code contains (the grader's message keys, Prisma's error names, better-call's errors).
 */
const CHUNK_MARKERS: Array<[string, string]> = [
  ["grader (src/grading)", "mistake.poolPaddingIgnored"],
  ["prisma", "ForeignKeyConstraintViolation"],
  ["better-auth", "crypto.subtle must be defined"],
  ["server domain (src/server)", "re-queued a submission whose grader is gone"],
];
const chunkAreas = new Map<string, string | null>();

function areaOfChunk(url: string): string | null {
  if (!chunkAreas.has(url)) {
    const text = readFileSync(fileURLToPath(url), "utf8");
    chunkAreas.set(url, CHUNK_MARKERS.find(([, marker]) => text.includes(marker))?.[0] ?? null);
  }
  return chunkAreas.get(url)!;
}

function areaOf(url: string, functionName: string): string {
  if (url === "") return functionName === "(garbage collector)" ? "garbage collector" : functionName === "(program)" ? "V8 / native (program)" : "native / other";
  const chunk = url.startsWith("file://") && url.includes("/.next/server/chunks/") ? areaOfChunk(url) : null;
  return chunk ?? AREAS.find(([, pattern]) => pattern.test(url))?.[0] ?? "other";
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string" } } });
  const file = z.string().min(1).parse(positionals[0]);
  const top = z.coerce.number().int().min(1).default(25).parse(values.top);
  const profile = ZProfile.parse(JSON.parse(readFileSync(file, "utf8")));
  const windowFile = path.join(path.dirname(file), "burst-window.json");
  const window = existsSync(windowFile) ? ZWindow.parse(JSON.parse(readFileSync(windowFile, "utf8"))) : null;

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^.*\/(src|app|runner|\.next)\//, "$1/")}:${lineNumber + 1}`;
  };

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const areas = new Map<string, number>();
  const areasOnStack = new Map<string, number>();
  let time = profile.startTime;
  let busyUs = 0;
  profile.samples.forEach((sampleId, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (window && (time < window.fromUs || time > window.toUs)) return;
    const node = byId.get(sampleId)!;
    if (node.callFrame.functionName === "(idle)") return;
    busyUs += delta;
    self.set(label(sampleId), (self.get(label(sampleId)) ?? 0) + delta);
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + delta);
    // Total time: every distinct frame on the stack once (recursion counts once).
    const onStack = new Set<string>();
    const areasSeen = new Set<string>();
    for (let id: number | undefined = sampleId; id !== undefined; id = parent.get(id)) {
      onStack.add(label(id));
      areasSeen.add(areaOf(byId.get(id)!.callFrame.url, byId.get(id)!.callFrame.functionName));
    }
    for (const name of onStack) total.set(name, (total.get(name) ?? 0) + delta);
    for (const name of areasSeen) areasOnStack.set(name, (areasOnStack.get(name) ?? 0) + delta);
  });

  const per = window ? window.submissions : 1;
  const unit = window ? "ms per submission" : "ms";
  const show = (title: string, map: Map<string, number>, limit: number) => {
    process.stdout.write(`\n${title} (${unit})\n`);
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) process.stdout.write(`${(us / 1000 / per).toFixed(2).padStart(9)}  ${name}\n`);
  };
  process.stdout.write(`busy (not idle) ${(busyUs / 1000 / per).toFixed(2)} ${unit}${window ? ` over ${window.submissions} submissions, burst window only` : ""}\n`);
  show("by area, self time", areas, AREAS.length + 4);
  show("by area, total time (the area anywhere on the stack: better-auth includes its queries)", areasOnStack, AREAS.length + 4);
  show("top functions by self time", self, top);
  show("top functions by total time", total, top);
}

main();
