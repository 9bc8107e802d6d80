// Generates realistic conv2d answers for the similarity benchmark: each answer picks its own way
// of doing every step (reading shapes, padding, the output size, the convolution itself: nested
// loops, a per-channel helper, vectorised or im2col), then its own names, comments, prints and
// blank lines; about one in ten is a disguised copy of an earlier answer, as in a real class.
const SHAPES = [
  ["c_in, h, w = features.shape", "c_out, _, k, _ = weights.shape"],
  ["c_in = features.shape[0]", "h = features.shape[1]", "w = features.shape[2]", "c_out = weights.shape[0]", "k = weights.shape[2]"],
  ["c_out, c_in, k, _ = weights.shape", "_, h, w = features.shape"],
];
const PADDINGS = [
  ["x = np.pad(features, ((0, 0), (padding, padding), (padding, padding)))"],
  ["x = np.zeros((c_in, h + 2 * padding, w + 2 * padding))", "x[:, padding:padding + h, padding:padding + w] = features"],
  ["x = features", "if padding > 0:", "    x = np.pad(x, [(0, 0), (padding, padding), (padding, padding)], mode='constant')"],
  ["x = np.pad(features, padding)[padding:-padding] if padding else features"],
];
const SIZES = [
  ["h_out = (h + 2 * padding - k) // stride + 1", "w_out = (w + 2 * padding - k) // stride + 1"],
  ["h_out = (x.shape[1] - k) // stride + 1", "w_out = (x.shape[2] - k) // stride + 1"],
  ["h_out, w_out = [(n + 2 * padding - k) // stride + 1 for n in (h, w)]"],
];
const CORES = [
  [
    "out = np.zeros((c_out, h_out, w_out))",
    "for o in range(c_out):",
    "    for i in range(h_out):",
    "        for j in range(w_out):",
    "            out[o, i, j] = np.sum(x[:, i * stride:i * stride + k, j * stride:j * stride + k] * weights[o])",
    "return out",
  ],
  [
    "out = np.zeros((c_out, h_out, w_out))",
    "for o in range(c_out):",
    "    for i in range(h_out):",
    "        for j in range(w_out):",
    "            s = 0.0",
    "            for c in range(c_in):",
    "                for a in range(k):",
    "                    for b in range(k):",
    "                        s += x[c, i * stride + a, j * stride + b] * weights[o, c, a, b]",
    "            out[o, i, j] = s",
    "return out",
  ],
  [
    "out = np.zeros((c_out, h_out, w_out))",
    "for i in range(h_out):",
    "    for j in range(w_out):",
    "        patch = x[:, i * stride:i * stride + k, j * stride:j * stride + k]",
    "        out[:, i, j] = np.tensordot(weights, patch, axes=([1, 2, 3], [0, 1, 2]))",
    "return out",
  ],
  [
    "cols = []",
    "for i in range(h_out):",
    "    for j in range(w_out):",
    "        cols.append(x[:, i * stride:i * stride + k, j * stride:j * stride + k].ravel())",
    "mat = np.stack(cols, axis=1)",
    "return (weights.reshape(c_out, -1) @ mat).reshape(c_out, h_out, w_out)",
  ],
  [
    "from numpy.lib.stride_tricks import sliding_window_view",
    "win = sliding_window_view(x, (k, k), axis=(1, 2))[:, ::stride, ::stride]",
    "return np.einsum('chwab,ocab->ohw', win, weights)",
  ],
  [
    "out = np.zeros((c_out, h_out, w_out))",
    "for o in range(c_out):",
    "    for c in range(c_in):",
    "        for i in range(h_out):",
    "            for j in range(w_out):",
    "                r, q = i * stride, j * stride",
    "                out[o, i, j] += (x[c, r:r + k, q:q + k] * weights[o, c]).sum()",
    "return out",
  ],
];
const HEADER = [
  "import numpy as np",
  "",
  "",
  "def conv2d(features, weights, padding=0, stride=1):",
  '    """',
  "    features: input, in_channel * h * w",
  "    weights: kernel, out_channel * in_channel * kernel_size * kernel_size",
  "    return: output with out_channel channels, out_channel * h_out * w_out",
  '    """',
];
/** The names an answer may rename, each from its own pool. */
const RENAMES: Record<string, string[]> = {
  c_in: ["c_in", "in_ch", "channels", "cin", "n_in", "ic"],
  c_out: ["c_out", "out_ch", "filters", "cout", "n_out", "oc"],
  h: ["h", "height", "H", "rows_in", "hi"],
  w: ["w", "width", "W", "cols_in", "wi"],
  k: ["k", "ks", "kernel_size", "K", "size"],
  x: ["x", "padded", "xp", "img", "inp", "data"],
  h_out: ["h_out", "oh", "out_h", "H_out", "rows"],
  w_out: ["w_out", "ow", "out_w", "W_out", "cols_out"],
  out: ["out", "result", "res", "output", "y", "ans"],
  o: ["o", "f", "oc_i", "m", "filt"],
  i: ["i", "r0", "row", "y0", "p"],
  j: ["j", "c0", "col", "x0", "q0"],
  s: ["s", "acc", "total", "tmp", "val"],
};

/** A small deterministic generator, so a benchmark run is repeatable. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function rename(line: string, names: Map<string, string>): string {
  return line.replace(/\b[A-Za-z_][A-Za-z0-9_]*\b/g, (name) => names.get(name) ?? name);
}

function writeAnswer(random: () => number): string {
  const names = new Map(Object.entries(RENAMES).map(([name, pool]) => [name, pick(pool, random)]));
  const body = [pick(SHAPES, random), pick(PADDINGS, random), pick(SIZES, random), pick(CORES, random)].flat();
  const lines = body.flatMap((line) => {
    const extra: string[] = [];
    if (random() < 0.08) extra.push(`# step ${Math.floor(random() * 100)}`);
    if (random() < 0.05) extra.push(`print(${pick(["'here'", "features.shape", "weights.shape"], random)})`);
    if (random() < 0.05) extra.push("");
    return [...extra.map((text) => (text ? `${/^\s*/.exec(line)![0]}${text}` : text)), rename(line, names)];
  });
  return [...HEADER, ...lines.map((line) => (line ? `    ${line}` : line))].join("\n") + "\n";
}

/** A copy with its own names and an extra comment: what a student who copies does. */
function disguise(answer: string, random: () => number): string {
  const renames = new Map(Object.values(RENAMES).flatMap((pool) => pool.map((name) => [name, `${name}${Math.floor(random() * 9) + 1}`] as const)));
  return answer
    .split("\n")
    .map((line, index) => (index < HEADER.length ? line : rename(line, renames)))
    .join("\n")
    .replace("    return", "    # done\n    return");
}

export function generateConv2dSubmissions(count: number, seed = 1): string[] {
  const random = createRandom(seed);
  const answers: string[] = [];
  for (let index = 0; index < count; index += 1) {
    answers.push(answers.length > 0 && random() < 0.1 ? disguise(pick(answers, random), random) : writeAnswer(random));
  }
  return answers;
}
