// The student-facing text of the mistakes added by issue 14, in English and Simplified Chinese.
// {arguments} and {error} are filled from the case that showed the mistake.
export const MISTAKES_NEW = {
  en: {
    "unpadded-loop-bounds":
      "Your loops stop at the size of the unpadded image, so the last windows of the padded image are missing (their cells stay 0). Loop over the output size, (H + 2p − k) // s + 1 positions.",
    "window-start-index":
      "You wrote each result at its window's start, output[i * stride, j * stride], instead of at the output index output[i, j]. Keep a separate output index, or divide the window start by the stride.",
    "square-assumed":
      "Your code assumes a square image or kernel: it uses one dimension (e.g. img.shape[0] or kernel.shape[0]) for both height and width. Read the height from shape[0] and the width from shape[1], for the image, the kernel and the output.",
    "channels-last":
      "Your output is channels-last, (H_out, W_out, C). This exercise uses PyTorch's channels-first layout: return (C, H_out, W_out), with out[c] the map of channel c.",
    "output-size-round":
      "Your output size uses round(), which rounds half the cases up. The number of windows rounds down: (H + 2p − k) // s + 1.",
    "im2col-row-index":
      "Your im2col matrix puts the window at output position (h, w) in row h * out_h + w. Rows are laid out row by row of the output, so the row index is h * out_w + w (it only works by luck when the output is square).",
    "integer-input-buffer":
      "You copied the image into an integer array (e.g. np.zeros(..., dtype=int) for the padded image or the im2col matrix), so the input values were cut to integers before multiplying. Create the buffers as floats (np.zeros gives float64).",
    "python2-division":
      "Your sizes are floats: in Python 3, / always gives a float, and numpy refuses a float size or a float range. Use // (floor division) for the output size: (H + 2p − k) // s + 1.",
    "same-size-output":
      "Your output has the size of the input, as with 'same' padding of k // 2. This exercise pads by the `padding` argument: the output is (H + 2p − k) // s + 1 by (W + 2p − k) // s + 1.",
    "tuple-argument-unsupported":
      "Your function raised {error} on a call with {arguments}, while calls with plain ints worked: the exercise passes (h, w) tuples for rectangular kernels, strides and padding. Accept both forms, e.g. kh, kw = (k, k) if isinstance(k, int) else k.",
  },
  "zh-CN": {
    "unpadded-loop-bounds":
      "你的循环只遍历到未填充图像的尺寸，填充后图像的最后几个窗口缺失了（对应的格子仍是 0）。应按输出尺寸循环，共 (H + 2p − k) // s + 1 个位置。",
    "window-start-index":
      "你把每个结果写在了窗口起点 output[i * stride, j * stride]，而不是输出下标 output[i, j]。请单独维护输出下标，或把窗口起点除以步长。",
    "square-assumed":
      "你的代码假设图像或卷积核是正方形的：高和宽都用了同一个维度（例如 img.shape[0] 或 kernel.shape[0]）。图像、卷积核和输出的高度都应取 shape[0]，宽度取 shape[1]。",
    "channels-last":
      "你的输出是通道在后的布局 (H_out, W_out, C)。本题采用 PyTorch 的通道在前布局：应返回 (C, H_out, W_out)，out[c] 是第 c 个通道的特征图。",
    "output-size-round":
      "你的输出尺寸用了 round()，有一半的情况会向上取整。窗口个数应向下取整：(H + 2p − k) // s + 1。",
    "im2col-row-index":
      "你的 im2col 矩阵把输出位置 (h, w) 的窗口放在了第 h * out_h + w 行。矩阵按输出逐行排列，行号应为 h * out_w + w（只有输出恰好是正方形时才碰巧正确）。",
    "integer-input-buffer":
      "你把图像复制进了整数数组（例如用 np.zeros(..., dtype=int) 创建填充后的图像或 im2col 矩阵），输入值在相乘之前就被截断成了整数。请用浮点数组（np.zeros 默认就是 float64）。",
    "python2-division":
      "你的尺寸是浮点数：Python 3 中 / 总是得到浮点数，numpy 不接受浮点数的尺寸或 range。输出尺寸请用 //（整除）：(H + 2p − k) // s + 1。",
    "same-size-output":
      "你的输出与输入一样大，相当于按 k // 2 做了 'same' 填充。本题按参数 `padding` 填充：输出尺寸为 (H + 2p − k) // s + 1 乘 (W + 2p − k) // s + 1。",
    "tuple-argument-unsupported":
      "参数为 {arguments} 时，你的函数抛出了 {error}，而参数都是整数时可以运行：本题会用 (h, w) 元组表示长方形的窗口、步长和填充。请同时支持两种写法，例如 kh, kw = (k, k) if isinstance(k, int) else k。",
  },
} as const;

export type TNewMistakeCode = keyof (typeof MISTAKES_NEW)["en"];
