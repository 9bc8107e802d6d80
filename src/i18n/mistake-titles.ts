// Short titles of the grader's mistakes, keyed by diagnosis code, for the analytics charts: the full
// sentence (src/i18n/exercise-feedback.ts) is too long for an axis and is shown on hover and in the
// table. A code names the same mistake in every exercise, so one title serves them all;
// src/i18n/mistake-titles.test.ts checks every exercise's catalog has one.
import { defineMessages, type TLocale } from "./index";

export const mistakeTitles = defineMessages({
  en: {
    "avg-pool-instead-of-max": "Average pool instead of max",
    "channels-averaged": "Channels averaged",
    "channels-last": "Channels last",
    "channels-not-summed": "Channels not summed",
    "conv-bias-missing": "Conv bias missing",
    "flatten-channels-last": "Flattened channels last",
    "flipped-kernel": "Flipped kernel",
    "float-division": "Float division",
    "formula-without-plus-one": "Missing + 1 in formula",
    "hw-swapped": "Height and width swapped",
    "im2col-row-index": "im2col row index",
    "in-channels-kept": "Input channels kept",
    "integer-input-buffer": "Integer input buffer",
    "integer-truncation": "Integer truncation",
    "one-sided-padding": "One-sided padding",
    "output-size-ceil": "Output size rounded up",
    "output-size-round": "Output size rounded",
    "output-transposed": "Output transposed",
    "padding-as-zero": "Padding as zeros",
    "padding-counted-once": "Padding counted once",
    "padding-excluded": "Padding excluded",
    "padding-ignored": "Padding ignored",
    "python2-division": "Python 2 division",
    "relu-missing": "ReLU missing",
    "same-size-output": "Same-size output",
    "softmax-applied": "Softmax applied",
    "square-assumed": "Square assumed",
    "stride-default-one": "Stride fixed at 1",
    "stride-ignored": "Stride ignored",
    "tuple-argument-unsupported": "Tuple arguments rejected",
    "unpadded-loop-bounds": "Unpadded loop bounds",
    "weights-in-out": "Weights as (in, out)",
    "window-start-index": "Window start index",
  },
  "zh-CN": {
    "avg-pool-instead-of-max": "用了平均池化而非最大池化",
    "channels-averaged": "通道取了平均",
    "channels-last": "通道放在最后一维",
    "channels-not-summed": "未对通道求和",
    "conv-bias-missing": "缺少卷积偏置",
    "flatten-channels-last": "展平时通道在后",
    "flipped-kernel": "卷积核被翻转",
    "float-division": "使用了浮点除法",
    "formula-without-plus-one": "公式缺少 + 1",
    "hw-swapped": "高和宽弄反",
    "im2col-row-index": "im2col 行索引错误",
    "in-channels-kept": "保留了输入通道数",
    "integer-input-buffer": "整数类型的输入缓冲区",
    "integer-truncation": "整数截断",
    "one-sided-padding": "只在一侧填充",
    "output-size-ceil": "输出尺寸向上取整",
    "output-size-round": "输出尺寸四舍五入",
    "output-transposed": "输出被转置",
    "padding-as-zero": "填充当作 0",
    "padding-counted-once": "填充只算了一次",
    "padding-excluded": "未计入填充",
    "padding-ignored": "忽略了填充",
    "python2-division": "Python 2 式除法",
    "relu-missing": "缺少 ReLU",
    "same-size-output": "输出与输入同尺寸",
    "softmax-applied": "多做了 softmax",
    "square-assumed": "假定为正方形",
    "stride-default-one": "步幅固定为 1",
    "stride-ignored": "忽略了步幅",
    "tuple-argument-unsupported": "不接受元组参数",
    "unpadded-loop-bounds": "循环边界未含填充",
    "weights-in-out": "权重按 (in, out) 排列",
    "window-start-index": "窗口起点索引错误",
  },
});

/** The short title of a diagnosis code, or null for a code no table knows (a result stored before a rename). */
export function mistakeTitle(code: string, locale: TLocale): string | null {
  const titles: Record<string, string> = mistakeTitles(locale);
  return Object.hasOwn(titles, code) ? titles[code]! : null;
}
