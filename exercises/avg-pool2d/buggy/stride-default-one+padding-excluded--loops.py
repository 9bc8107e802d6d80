import numpy as np


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    if stride is None:
        stride = (1, 1)
    elif isinstance(stride, int):
        stride = (stride, stride)
    if isinstance(padding, int):
        padding = (padding, padding)
    C, H, W = x.shape
    out_h = (H + 2 * padding[0] - kernel_size[0]) // stride[0] + 1
    out_w = (W + 2 * padding[1] - kernel_size[1]) // stride[1] + 1
    out = np.zeros((C, out_h, out_w))
    for c in range(C):
        for i in range(out_h):
            for j in range(out_w):
                r0 = i * stride[0] - padding[0]
                c0 = j * stride[1] - padding[1]
                window = x[c, max(r0, 0):max(r0 + kernel_size[0], 0), max(c0, 0):max(c0 + kernel_size[1], 0)]
                out[c, i, j] = window.mean()
    return out
