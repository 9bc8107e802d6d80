// Runner benchmark: sustained gradings per second with the warm pool, warm latency of one
// submission, and cold latency (a fresh sandbox per job). Every grading sends the conv2d model
// solution 20 random cases and checks each output against a TypeScript conv2d, so the figures
// are for real, correct gradings. The same cases also run in bare python3 outside the sandbox
// (student_cpu.py), so the CPU the student's code needs is measured beside what a grading costs:
// efficiency = gradings/s × student CPU s per grading ÷ cores, the share of the machine that runs
// student code. On a machine shared with other work that share says more about the others than
// about the runner, so the CPU of this process and its sandboxes during the throughput run is
// also counted: cpuEfficiency = student CPU ÷ all CPU per grading. The `torch` figures do the
// same for the torch sandbox with the build-cnn model solution and the exercise's own case code
// (driver.py): 10 cases per grading (batches of 1 to 8 images; two sets of 28 938 float32 weights,
// as the exercise's grader draws them), each checked for the shape of its answer (the values are
// checked against the TypeScript reference by the exercise's tests and `npm run bench:grading`,
// which also times the TypeScript side of a real grading). `cpuEfficiencyCeiling` is the most any
// design with one fresh process per grading could reach: the student CPU ÷ the CPU of forking a
// warmed numpy python, making the same calls in the child and exiting (no sandbox, protocol or
// node). `--json` prints only the JSON line; `--no-torch` leaves out the torch figures (a quicker run).
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEFAULT_LIMITS, createRunner, type NdArray, type TCaseInput, type TJob, type TRunner } from "../src/index";
import { readProcessTreeCpuMs } from "./process-cpu";

const CASES_PER_GRADING = 20;
const THROUGHPUT_SECONDS = 10;
const WARM_LATENCY_SAMPLES = 100;
const COLD_LATENCY_SAMPLES = 20;
const SUBMISSIONS = 64;

interface TConvCase {
  input: TCaseInput;
  expected: NdArray;
}

function readSolution(): string {
  const exercise = path.join(process.cwd(), "exercises", "conv2d", "solution.py");
  const fallback = path.join(process.cwd(), "runner", "bench", "conv2d_solution.py");
  return readFileSync(existsSync(exercise) ? exercise : fallback, "utf8");
}

/** mulberry32: fixed seed, so every run grades the same cases. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawArray(random: () => number, shape: number[]): NdArray {
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = random() * 4 - 2;
  return { kind: "ndarray", shape, data };
}

/** The same ranges as the conv2d exercise: 1–4 channels, 1–10 pixels a side, padding 0–2, stride 1–3. */
function drawCase(random: () => number): TConvCase {
  const integer = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const inChannels = integer(1, 4);
  const outChannels = integer(1, 4);
  const rows = integer(1, 10);
  const cols = integer(1, 10);
  const padding = integer(0, 2);
  const kernel = integer(1, Math.min(rows, cols) + 2 * padding);
  const stride = integer(1, 3);
  const features = drawArray(random, [inChannels, rows, cols]);
  const weights = drawArray(random, [outChannels, inChannels, kernel, kernel]);
  return { input: { args: [features, weights, padding, stride] }, expected: convolve(features, weights, padding, stride) };
}

function convolve(features: NdArray, weights: NdArray, padding: number, stride: number): NdArray {
  const [inChannels, rows, cols] = features.shape as [number, number, number];
  const [outChannels, , kernel] = weights.shape as [number, number, number, number];
  const outRows = Math.floor((rows + 2 * padding - kernel) / stride) + 1;
  const outCols = Math.floor((cols + 2 * padding - kernel) / stride) + 1;
  const data = new Float64Array(outChannels * outRows * outCols);
  for (let o = 0; o < outChannels; o++)
    for (let y = 0; y < outRows; y++)
      for (let x = 0; x < outCols; x++) {
        let sum = 0;
        for (let c = 0; c < inChannels; c++)
          for (let i = 0; i < kernel; i++)
            for (let j = 0; j < kernel; j++) {
              const r = y * stride + i - padding;
              const q = x * stride + j - padding;
              if (r < 0 || r >= rows || q < 0 || q >= cols) continue;
              sum += features.data[(c * rows + r) * cols + q]! * weights.data[((o * inChannels + c) * kernel + i) * kernel + j]!;
            }
        data[(o * outRows + y) * outCols + x] = sum;
      }
  return { kind: "ndarray", shape: [outChannels, outRows, outCols], data };
}

function createSubmissions(source: string, count: number): Array<{ job: TJob; cases: TConvCase[] }> {
  const random = createRandom(20240904);
  return Array.from({ length: count }, () => {
    const cases = Array.from({ length: CASES_PER_GRADING }, () => drawCase(random));
    return { job: { source, functionName: "conv2d", cases: cases.map((c) => c.input), limits: DEFAULT_LIMITS }, cases };
  });
}

/** Runs one submission and throws unless every case returned the right array. */
async function grade(runner: TRunner, submission: { job: TJob; cases: TConvCase[] }): Promise<void> {
  const result = await runner.run(submission.job);
  if (!result.gradable) throw new Error(`not gradable: ${result.operatorMessage}`);
  if (!result.load.ok) throw new Error(`load failed: ${JSON.stringify(result.load.error)}`);
  result.cases.forEach((outcome, i) => {
    const expected = submission.cases[i]!.expected;
    if (outcome.status !== "returned" || outcome.value.kind !== "array") throw new Error(`case ${i}: ${JSON.stringify(outcome)}`);
    const { shape, data } = outcome.value;
    const isSameShape = shape.length === expected.shape.length && shape.every((n, k) => n === expected.shape[k]);
    if (!isSameShape || data.some((v, k) => Math.abs(v - expected.data[k]!) > 1e-9)) throw new Error(`case ${i}: wrong output`);
  });
}

async function measureThroughput(
  source: string,
  poolSize: number,
): Promise<{ perSecond: number; gradings: number; cpuMsPerGrading: number; nodeCpuMsPerGrading: number }> {
  const runner = createRunner({ poolSize });
  const submissions = createSubmissions(source, SUBMISSIONS);
  try {
    for (const s of submissions.slice(0, poolSize * 4)) await grade(runner, s);
    let gradings = 0;
    const cpuBefore = readProcessTreeCpuMs(process.pid);
    const nodeBefore = process.cpuUsage();
    const start = performance.now();
    const deadline = start + THROUGHPUT_SECONDS * 1000;
    // Twice as many submissions in flight as slots, so a slot never waits for the client.
    const clients = Array.from({ length: poolSize * 2 }, async (_, client) => {
      for (let i = client; performance.now() < deadline; i += poolSize * 2) {
        await grade(runner, submissions[i % submissions.length]!);
        gradings++;
      }
    });
    await Promise.all(clients);
    const perSecond = gradings / ((performance.now() - start) / 1000);
    const node = process.cpuUsage(nodeBefore);
    return {
      perSecond,
      gradings,
      cpuMsPerGrading: (readProcessTreeCpuMs(process.pid) - cpuBefore) / gradings,
      nodeCpuMsPerGrading: (node.user + node.system) / 1000 / gradings,
    };
  } finally {
    await runner.close();
  }
}

async function measureLatency(source: string, mode: "warm" | "cold", samples: number): Promise<number[]> {
  const runner = createRunner({ mode, poolSize: 2 });
  const submissions = createSubmissions(source, samples);
  try {
    await grade(runner, submissions[0]!);
    const times: number[] = [];
    for (const submission of submissions) {
      const start = performance.now();
      await grade(runner, submission);
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await runner.close();
  }
}

interface TStudentCpu {
  /** median CPU ms of the student's function alone over one grading's cases, in /usr/bin/python3 with numpy */
  cpuMsPerGrading: number;
  /** the same calls in a freshly forked child of that process, fork and exit included (parent + child) */
  freshProcessCpuMsPerGrading: number;
  /** fork and exit alone */
  forkExitCpuMs: number;
}

async function measureStudentCpu(source: string): Promise<TStudentCpu> {
  const encode = (value: unknown): unknown =>
    typeof value === "object" && value !== null && "kind" in value && value.kind === "ndarray"
      ? { shape: (value as NdArray).shape, data: Array.from((value as NdArray).data) }
      : value;
  const gradings = createSubmissions(source, SUBMISSIONS).map((s) => s.job.cases.map((c) => c.args.map(encode)));
  const script = path.join(process.cwd(), "runner", "bench", "student_cpu.py");
  const child = promisify(execFile)("/usr/bin/python3", ["-I", script], { maxBuffer: 1 << 20 });
  child.child.stdin!.end(JSON.stringify({ source, functionName: "conv2d", gradings }));
  const { stdout } = await child;
  return JSON.parse(stdout) as TStudentCpu;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const TORCH_CASES_PER_GRADING = 10;
const TORCH_WARM_SAMPLES = 40;
const TORCH_COLD_SAMPLES = 3;

/** build-cnn's parameters, PyTorch's default initialisation range. */
function drawTorchState(random: () => number): Record<string, NdArray> {
  const uniform = (shape: number[], fanIn: number): NdArray => {
    const array = drawArray(random, shape);
    array.data.forEach((value, i) => (array.data[i] = value / (2 * Math.sqrt(fanIn))));
    return array;
  };
  return {
    "conv1.weight": uniform([16, 1, 5, 5], 25),
    "conv1.bias": uniform([16], 25),
    "conv2.weight": uniform([32, 16, 5, 5], 400),
    "conv2.bias": uniform([32], 400),
    "fc.weight": uniform([10, 1568], 1568),
    "fc.bias": uniform([10], 1568),
  };
}

function createTorchJob(random: () => number): TJob {
  const folder = path.join(process.cwd(), "exercises", "build-cnn");
  const kinds = ["forward", "forward", "parameters", "layers", ...Array<string>(TORCH_CASES_PER_GRADING - 4).fill("forward")];
  // as build-cnn's grader draws them: one weight set for the 4 edge cases, one for the others
  const states = [drawTorchState(random), drawTorchState(random)];
  const cases = kinds.map((kind, i) => ({
    args: [kind, states[i < 4 ? 0 : 1]!, drawArray(random, [i === 0 ? 1 : 1 + Math.floor(random() * 8), 1, 28, 28])],
  }));
  return {
    source: readFileSync(path.join(folder, "solution.py"), "utf8"),
    functionName: "ConvNet",
    cases,
    limits: DEFAULT_LIMITS,
    sandbox: "torch",
    driver: { source: readFileSync(path.join(folder, "driver.py"), "utf8"), functionName: "run_case" },
  };
}

/** Throws unless every case answered: (N, 10) logits, the parameter count, the 6-row shape table. */
async function gradeTorch(runner: TRunner, job: TJob): Promise<void> {
  const result = await runner.run(job);
  if (!result.gradable) throw new Error(`not gradable: ${result.operatorMessage}`);
  if (!result.load.ok) throw new Error(`load failed: ${JSON.stringify(result.load.error)}`);
  result.cases.forEach((outcome, i) => {
    if (outcome.status !== "returned" || outcome.value.kind !== "array") throw new Error(`case ${i}: ${JSON.stringify(outcome)}`);
    const [kind, , x] = job.cases[i]!.args as [string, unknown, NdArray];
    const expected = kind === "forward" ? [x.shape[0]!, 10] : kind === "parameters" ? [] : [6, 5];
    if (outcome.value.shape.join() !== expected.join()) throw new Error(`case ${i}: shape [${outcome.value.shape}]`);
  });
}

async function measureTorch(): Promise<{ coldStartMs: number[]; warm: number[]; cpuMsPerGrading: number }> {
  const random = createRandom(20261205);
  const jobs = Array.from({ length: 8 }, () => createTorchJob(random));
  const coldStartMs: number[] = [];
  for (let i = 0; i < TORCH_COLD_SAMPLES; i++) {
    // the cold start of the torch flavour: a fresh runner's first torch grading, sandbox start included
    const runner = createRunner({ poolSize: 2 });
    try {
      const start = performance.now();
      await gradeTorch(runner, jobs[i % jobs.length]!);
      coldStartMs.push(performance.now() - start);
    } finally {
      await runner.close();
    }
  }
  const runner = createRunner({ poolSize: 2, startFlavours: ["torch"] });
  try {
    await gradeTorch(runner, jobs[0]!);
    const warm: number[] = [];
    // node, the torch zygote and its job children (their replacements' forks included): unlike
    // the latency, hardly changed by other work on the machine
    const cpuBefore = readProcessTreeCpuMs(process.pid);
    for (let i = 0; i < TORCH_WARM_SAMPLES; i++) {
      const start = performance.now();
      await gradeTorch(runner, jobs[i % jobs.length]!);
      warm.push(performance.now() - start);
    }
    return { coldStartMs, warm, cpuMsPerGrading: (readProcessTreeCpuMs(process.pid) - cpuBefore) / TORCH_WARM_SAMPLES };
  } finally {
    await runner.close();
  }
}

async function main(): Promise<void> {
  const isJsonOnly = process.argv.includes("--json");
  const source = readSolution();
  const cores = os.availableParallelism();
  const throughput = await measureThroughput(source, cores);
  const warm = await measureLatency(source, "warm", WARM_LATENCY_SAMPLES);
  const cold = await measureLatency(source, "cold", COLD_LATENCY_SAMPLES);
  const torch = process.argv.includes("--no-torch") ? null : await measureTorch();
  const studentCpu = await measureStudentCpu(source);
  const studentCpuMs = studentCpu.cpuMsPerGrading;
  const round = (n: number) => Math.round(n * 10) / 10;
  const figures = {
    gradingsPerSecond: round(throughput.perSecond),
    latencyMs: { p50: round(percentile(warm, 50)), p95: round(percentile(warm, 95)) },
    coldLatencyMs: { p50: round(percentile(cold, 50)) },
    studentCpuMsPerGrading: round(studentCpuMs),
    efficiency: Math.round(((throughput.perSecond * studentCpuMs) / 1000 / cores) * 100) / 100,
    cpuMsPerGrading: round(throughput.cpuMsPerGrading),
    cpuEfficiency: Math.round((studentCpuMs / throughput.cpuMsPerGrading) * 100) / 100,
    nodeCpuMsPerGrading: round(throughput.nodeCpuMsPerGrading),
    freshProcessCpuMsPerGrading: round(studentCpu.freshProcessCpuMsPerGrading),
    forkExitCpuMs: round(studentCpu.forkExitCpuMs),
    cpuEfficiencyCeiling: Math.round((studentCpuMs / studentCpu.freshProcessCpuMsPerGrading) * 100) / 100,
    casesPerGrading: CASES_PER_GRADING,
    poolSize: cores,
    cores,
    ...(torch && {
      torch: {
        exercise: "build-cnn",
        casesPerGrading: TORCH_CASES_PER_GRADING,
        latencyMs: { p50: round(percentile(torch.warm, 50)), p95: round(percentile(torch.warm, 95)) },
        coldStartMs: { p50: round(percentile(torch.coldStartMs, 50)) },
        cpuMsPerGrading: round(torch.cpuMsPerGrading),
      },
    }),
  };
  if (!isJsonOnly) {
    console.log(`throughput: ${figures.gradingsPerSecond} gradings/s (${throughput.gradings} in ${THROUGHPUT_SECONDS} s, pool ${cores})`);
    console.log(`warm latency: p50 ${figures.latencyMs.p50} ms, p95 ${figures.latencyMs.p95} ms (${WARM_LATENCY_SAMPLES} submissions)`);
    console.log(`cold latency: p50 ${figures.coldLatencyMs.p50} ms (${COLD_LATENCY_SAMPLES} submissions)`);
    if (figures.torch) {
      const { latencyMs, coldStartMs, cpuMsPerGrading } = figures.torch;
      console.log(`torch (build-cnn, ${TORCH_CASES_PER_GRADING} cases): warm p50 ${latencyMs.p50} ms, p95 ${latencyMs.p95} ms; cold start p50 ${coldStartMs.p50} ms; ${cpuMsPerGrading} ms of CPU per grading`);
    }
    console.log(`student CPU: ${figures.studentCpuMsPerGrading} ms per grading in bare python3, efficiency ${figures.efficiency}`);
    console.log(`all CPU: ${figures.cpuMsPerGrading} ms per grading (node ${figures.nodeCpuMsPerGrading} ms and sandboxes), cpuEfficiency ${figures.cpuEfficiency}`);
    console.log(
      `one fresh process per grading, nothing else: ${figures.freshProcessCpuMsPerGrading} ms per grading (fork and exit alone ${figures.forkExitCpuMs} ms), ` +
        `so cpuEfficiency cannot exceed ${figures.cpuEfficiencyCeiling}`,
    );
  }
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
