// The mistakes the grader can name, each in one plain sentence in English and Simplified Chinese.
// Exercises pick from this table; a mistake specific to one exercise may also be defined in its folder.
import { MISTAKES_NEW, type TNewMistakeCode } from "../i18n/mistakes-new";
import type { TMistake } from "./exercise-definition";

const fromNewTable = (code: TNewMistakeCode): TMistake => ({
  code,
  message: MISTAKES_NEW.en[code],
  messageZh: MISTAKES_NEW["zh-CN"][code],
});

export const MISTAKES = {
  flippedKernel: {
    code: "flipped-kernel",
    message:
      "You flipped the kernel. Convolution layers (and F.conv2d) compute a cross-correlation: multiply each window by the kernel as given, without rotating it by 180°.",
    messageZh:
      "你把卷积核翻转了。卷积层（以及 F.conv2d）计算的是互相关：每个窗口直接与原卷积核逐元素相乘，不要把卷积核旋转 180°。",
  },
  strideIgnored: {
    code: "stride-ignored",
    message:
      "Your output ignores the stride: your windows move one step at a time. Move each window by `stride` rows and columns, and use the stride in the output size.",
    messageZh: "你的输出忽略了步长（stride）：窗口每次只移动一格。窗口应每次移动 stride 行/列，输出尺寸也要按步长计算。",
  },
  paddingIgnored: {
    code: "padding-ignored",
    message:
      "Your output ignores the padding: add `padding` rows and columns of zeros on every side of the image before sliding the kernel.",
    messageZh: "你的输出忽略了填充（padding）：滑动卷积核之前，要在图像四周各补 padding 行/列的 0。",
  },
  oneSidedPadding: {
    code: "one-sided-padding",
    message:
      "You padded only one side of the image. Zero padding adds `padding` rows above and below and `padding` columns left and right, so the image sits at padded[p:p+H, p:p+W].",
    messageZh:
      "你只在图像的一侧做了填充。零填充要在上下各补 padding 行、左右各补 padding 列，图像应位于 padded[p:p+H, p:p+W]。",
  },
  outputSizeCeil: {
    code: "output-size-ceil",
    message:
      "Your output is too large: the output size rounds down, (H + 2p − k) // s + 1. A window that would run past the padded input is dropped, not kept.",
    messageZh: "你的输出尺寸偏大：输出尺寸要向下取整，即 (H + 2p − k) // s + 1。超出填充后输入范围的窗口应舍弃。",
  },
  outputTransposed: {
    code: "output-transposed",
    message:
      "Your output is transposed: rows and columns are swapped. The first output axis follows the image height, the second its width.",
    messageZh: "你的输出被转置了：行和列互换了。输出的第一维对应图像的高度，第二维对应宽度。",
  },
  channelsNotSummed: {
    code: "channels-not-summed",
    message:
      "Your output uses only one input channel (the first or the last). Each output channel is the sum of the convolutions of every input channel with its kernel: accumulate with +=.",
    messageZh:
      "你的输出只用到了一个输入通道（第一个或最后一个）。每个输出通道应是所有输入通道各自卷积结果之和：请用 += 累加。",
  },
  channelsAveraged: {
    code: "channels-averaged",
    message: "You averaged over the input channels. Each output channel is the sum of the per-channel convolutions, not their mean.",
    messageZh: "你对输入通道取了平均。每个输出通道应是各输入通道卷积结果之和，而不是平均值。",
  },
  weightsInOut: {
    code: "weights-in-out",
    message:
      "You read the weights as weights[in][out]. Their shape is (C_out, C_in, k, k): the kernel linking input channel j to output channel i is weights[i][j].",
    messageZh:
      "你把权重当成了 weights[输入][输出] 来取。权重的形状是 (C_out, C_in, k, k)：连接输入通道 j 与输出通道 i 的卷积核是 weights[i][j]。",
  },
  integerTruncation: {
    code: "integer-truncation",
    message:
      "Your values were cut to integers, e.g. by an array created with dtype=int or by int(...). Keep the results as floats (np.zeros gives float64).",
    messageZh: "你的结果被截断成了整数，例如用 dtype=int 创建了数组或使用了 int(...)。结果应保持浮点数（np.zeros 默认就是 float64）。",
  },
  hwSwapped: {
    code: "hw-swapped",
    message:
      "You swapped height and width in a (h, w) tuple: padding[0] and stride[0] apply to the rows (height), padding[1] and stride[1] to the columns (width).",
    messageZh:
      "你把 (h, w) 元组中的高和宽弄反了：padding[0]、stride[0] 作用于行（高度），padding[1]、stride[1] 作用于列（宽度）。",
  },
  poolPaddingIgnored: {
    code: "padding-ignored",
    message:
      "Your output ignores the padding: add `padding` cells on every side of each channel before pooling (−∞ for max pooling, zeros for average pooling).",
    messageZh: "你的输出忽略了填充（padding）：池化之前要在每个通道四周各补 padding 格（最大池化补 −∞，平均池化补 0）。",
  },
  poolOutputSizeCeil: {
    code: "output-size-ceil",
    message:
      "Your output is too large: with PyTorch's default ceil_mode=False the size rounds down, (H + 2p − k) // s + 1, and a window running past the padded input is dropped.",
    messageZh:
      "你的输出尺寸偏大：PyTorch 默认 ceil_mode=False，尺寸向下取整，即 (H + 2p − k) // s + 1，超出填充后输入范围的窗口应舍弃。",
  },
  paddingAsZero: {
    code: "padding-as-zero",
    message:
      "You padded with zeros, but max pooling pads with −∞ so padding never wins a window. Pad with -np.inf (or skip cells outside the image).",
    messageZh: "你用 0 做了填充，但最大池化的填充值是 −∞，填充永远不会成为窗口的最大值。请用 -np.inf 填充（或跳过图像外的格子）。",
  },
  paddingExcluded: {
    code: "padding-excluded",
    message:
      "You averaged over the real cells only. avg_pool2d counts the zero padding by default (count_include_pad=True): divide every window sum by kh × kw.",
    messageZh:
      "你只对窗口中真实的格子取平均。avg_pool2d 默认把零填充也算进平均（count_include_pad=True）：每个窗口的和都应除以 kh × kw。",
  },
  strideDefaultOne: {
    code: "stride-default-one",
    message: "When stride is not given (None), pooling uses stride = kernel_size, not 1: the windows do not overlap.",
    messageZh: "未指定 stride（为 None）时，池化的步长等于 kernel_size 而不是 1：窗口之间互不重叠。",
  },
  unpaddedLoopBounds: fromNewTable("unpadded-loop-bounds"),
  windowStartIndex: fromNewTable("window-start-index"),
  squareAssumed: fromNewTable("square-assumed"),
  channelsLast: fromNewTable("channels-last"),
  outputSizeRound: fromNewTable("output-size-round"),
  im2colRowIndex: fromNewTable("im2col-row-index"),
  integerInputBuffer: fromNewTable("integer-input-buffer"),
  python2Division: fromNewTable("python2-division"),
  sameSizeOutput: fromNewTable("same-size-output"),
  tupleArgumentUnsupported: fromNewTable("tuple-argument-unsupported"),
} satisfies Record<string, TMistake>;
