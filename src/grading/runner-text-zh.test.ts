import { describe, expect, it } from "vitest";
import { translateReturnedDescription, translateRunnerEnding } from "./runner-text-zh";

describe("translateReturnedDescription", () => {
  // one line per sentence of describe_return in runner/python/worker.py
  it.each([
    ["None", "None"],
    ["a str: 'abc'", "一个 str：'abc'"],
    ["an int: 3", "一个 int：3"],
    ["a dict with keys ['a', 'b']", "一个键为 ['a', 'b'] 的 dict"],
    ["a ragged list (its rows have different lengths)", "一个各行长度不同的 list"],
    ["a Foo that numpy cannot turn into an array (bad value: 3)", "一个 numpy 无法转换成数组的 Foo（bad value: 3）"],
    ["an array of shape (2048, 2048), too large to return (more than 2097152 values)", "一个形状为 (2048, 2048) 的数组，太大而无法返回（超过 2097152 个值）"],
    ["a list of complex numbers, shape (2,)", "一个形状为 (2,)、由复数组成的 list"],
    ["an ndarray of strings, shape (2, 2)", "一个形状为 (2, 2)、由字符串组成的 ndarray"],
    ["a list of shape (2,) containing None (a NoneType)", "一个形状为 (2,) 的 list，其中含有 None（NoneType 类型）"],
    ["an ndarray of numpy dtype datetime64", "一个 numpy dtype 为 datetime64 的 ndarray"],
  ])("%s", (english, chinese) => {
    expect(translateReturnedDescription(english)).toBe(chinese);
  });

  it("keeps a description it does not know as the runner wrote it", () => {
    expect(translateReturnedDescription("something new from the runner")).toBe("something new from the runner");
  });
});

describe("translateRunnerEnding", () => {
  it.each([
    [
      "Python was killed by SIGSEGV (segmentation fault) while running this. This can happen when memory runs out inside numpy or with very deep recursion.",
      "运行时 Python 被 SIGSEGV (segmentation fault) 终止。numpy 内部内存耗尽或递归过深时可能出现这种情况。",
    ],
    ["Python was killed by SIGFPE (arithmetic error) while running this.", "运行时 Python 被 SIGFPE (arithmetic error) 终止。"],
    ["The program exited (status 0) before it finished, e.g. by calling os._exit().", "程序还没运行完就退出了（退出状态 0），例如调用了 os._exit()。"],
    ["The returned values exceed the 64 MiB the grader accepts from one submission.", "返回的数据超过了评测程序对一次提交所接受的 64 MiB 上限。"],
    ["The program closed the grader's result channel and kept running.", "程序关闭了评测程序的结果通道，并且继续运行。"],
    [
      "The program wrote to the grader's private result channel, so its results cannot be trusted.",
      "程序向评测程序的私有结果通道写入了数据，因此它的结果不可信。",
    ],
  ])("%s", (english, chinese) => {
    expect(translateRunnerEnding(english)).toBe(chinese);
  });

  it("leaves Python's own exception messages alone", () => {
    expect(translateRunnerEnding("index 3 is out of bounds for axis 0 with size 3")).toBeNull();
  });
});
