import numpy as np


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    if stride is None:
        stride = kernel_size
    if isinstance(stride, int):
        stride = (stride, stride)
    if isinstance(padding, int):
        padding = (padding, padding)
    C, H, W = x.shape
    H_out = (H + 2 * padding[0] - kernel_size[0]) / stride[0] + 1
    W_out = (W + 2 * padding[1] - kernel_size[1]) / stride[1] + 1
    x = np.pad(x, ((0, 0), (padding[0], padding[0]), (padding[1], padding[1])), constant_values=0)
    out = np.zeros((C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            r, c = i * stride[0], j * stride[1]
            out[:, i, j] = x[:, r:r + kernel_size[0], c:c + kernel_size[1]].mean(axis=(1, 2))
    return out
