// Simplified Chinese for the few English sentences the runner writes itself (it imports nothing
// from the app and speaks English only). Each pattern mirrors one sentence of runner/python/worker.py
// or runner/src/assemble-result.ts; text the patterns do not recognise stays as the runner wrote it,
// and Python's own text (types, messages, reprs) is carried over unchanged.
import type { TLoadError } from "@runner";

type TRule = [pattern: RegExp, translate: (...groups: string[]) => string];

function translateWith(rules: readonly TRule[], text: string): string | null {
  for (const [pattern, translate] of rules) {
    const match = pattern.exec(text);
    if (match) return translate(...match.slice(1));
  }
  return null;
}

/** What a function returned that is not a numeric array (worker.py describe_return), most specific first. */
const RETURNED_RULES: readonly TRule[] = [
  [/^None$/, () => "None"],
  [/^a dict with keys (.*)$/s, (keys) => `一个键为 ${keys} 的 dict`],
  [/^a ragged (\S+) \(its rows have different lengths\)$/, (type) => `一个各行长度不同的 ${type}`],
  [/^an? (\S+) that numpy cannot turn into an array \((.*)\)$/s, (type, error) => `一个 numpy 无法转换成数组的 ${type}（${error}）`],
  [
    /^an array of shape (\(.*\)), too large to return \(more than (\d+) values\)$/,
    (shape, count) => `一个形状为 ${shape} 的数组，太大而无法返回（超过 ${count} 个值）`,
  ],
  [/^an? (\S+) of complex numbers, shape (\(.*\))$/, (type, shape) => `一个形状为 ${shape}、由复数组成的 ${type}`],
  [/^an? (\S+) of strings, shape (\(.*\))$/, (type, shape) => `一个形状为 ${shape}、由字符串组成的 ${type}`],
  [
    /^an? (\S+) of shape (\(.*?\)) containing (.*) \(an? (\S+)\)$/s,
    (type, shape, item, itemType) => `一个形状为 ${shape} 的 ${type}，其中含有 ${item}（${itemType} 类型）`,
  ],
  [/^an? (\S+) of numpy dtype (\S+)$/, (type, dtype) => `一个 numpy dtype 为 ${dtype} 的 ${type}`],
  [/^an? (\S+): (.*)$/s, (type, value) => `一个 ${type}：${value}`],
];

export function translateReturnedDescription(description: string): string {
  return translateWith(RETURNED_RULES, description) ?? description;
}

/** How the runner saw a program end that Python could not report (assemble-result.ts). */
const RUNNER_ENDING_RULES: readonly TRule[] = [
  [
    /^Python was killed by (.+?) while running this\.( This can happen when memory runs out inside numpy or with very deep recursion\.)?$/,
    (signal, hint) => `运行时 Python 被 ${signal} 终止。${hint ? "numpy 内部内存耗尽或递归过深时可能出现这种情况。" : ""}`,
  ],
  [
    /^The program exited \(status (.+?)\) before it finished, e\.g\. by calling os\._exit\(\)\.$/,
    (status) => `程序还没运行完就退出了（退出状态 ${status}），例如调用了 os._exit()。`,
  ],
  [
    /^The returned values exceed the (\d+) MiB the grader accepts from one submission\.$/,
    (size) => `返回的数据超过了评测程序对一次提交所接受的 ${size} MiB 上限。`,
  ],
  [/^The program closed the grader's result channel and kept running\.$/, () => "程序关闭了评测程序的结果通道，并且继续运行。"],
  [
    /^The program wrote to the grader's private result channel, so its results cannot be trusted\.$/,
    () => "程序向评测程序的私有结果通道写入了数据，因此它的结果不可信。",
  ],
];

/** The Chinese for a runner-detected ending (Crash, Exit, ResultTooLarge, ...), or null for Python's own text. */
export function translateRunnerEnding(message: string): string | null {
  return translateWith(RUNNER_ENDING_RULES, message);
}

const LOADING_SUFFIX = / \((?:line \d+, )?while loading your file\)\.?(?: Only numpy and the Python standard library are available\.)?$/s;

/**
 * Chinese for a file that could not be loaded. The runner's English sentence is split into
 * Python's part (kept as printed) and the runner's framing (translated).
 */
export function describeLoadErrorZh(error: TLoadError, functionName: string): string {
  const atLine = error.line === null ? "" : `（第 ${error.line} 行）`;
  switch (error.kind) {
    case "syntax":
      return error.line === null
        ? `你的文件无法编译：${error.message}`
        : `你的文件第 ${error.line} 行有语法错误，无法编译：${error.message}`;
    case "missing-function": {
      const suggestion = /Did you mean (.+)\?$/s.exec(error.message)?.[1];
      return `你的文件没有定义名为 '${functionName}' 的函数。${suggestion ? `你是不是想写 ${suggestion}？` : ""}`;
    }
    case "not-callable": {
      const type = /, but it is an? (\S+), not a function\.$/.exec(error.message)?.[1];
      return `'${functionName}' 已定义，但它${type ? `是 ${type}，` : ""}不是函数。`;
    }
    case "timeout": {
      const limit = /within the (\S+) s (CPU-time|wall-clock) limit/.exec(error.message);
      const budget = limit ? ` ${limit[1]} 秒的${limit[2] === "CPU-time" ? " CPU 时间" : "实际运行时间"}限制内` : "时间限制内";
      return `加载你的文件没能在${budget}完成。函数之外是否有死循环或耗时很长的计算？`;
    }
    case "import":
    case "exception":
    case "memory": {
      // an exception without a message reads "MemoryError: " in the runner's sentence
      const detail = error.message.replace(LOADING_SUFFIX, "").replace(/:?\s*$/, "");
      const shown = translateRunnerEnding(detail) ?? detail;
      const what = error.kind === "memory" ? "加载你的文件时内存不足" : "加载你的文件时出错";
      const extra = error.kind === "import" ? "只能使用 numpy 和 Python 标准库。" : "";
      return `${what}${atLine}：${shown}${/[.。!?？！]$/.test(shown) ? "" : "。"}${extra}`;
    }
  }
}
