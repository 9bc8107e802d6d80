import numpy as np


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    if stride is None:
        stride = kernel_size
    c, h, w = x.shape
    padded = np.zeros((c, h + 2 * padding, w + 2 * padding))
    padded[:, padding:padding + h, padding:padding + w] = x
    out_size_h = (h + 2 * padding - kernel_size) // stride + 1
    out_size_w = (w + 2 * padding - kernel_size) // stride + 1
    out = np.zeros((c, out_size_h, out_size_w))
    for i in range(out_size_h):
        for j in range(out_size_w):
            out[:, i, j] = padded[:, i * stride:i * stride + kernel_size, j * stride:j * stride + kernel_size].mean(axis=(1, 2))
    return out
