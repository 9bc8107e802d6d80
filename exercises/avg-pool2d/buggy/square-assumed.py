import numpy as np


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    k = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
    s = k if stride is None else (stride if isinstance(stride, int) else stride[0])
    p = padding if isinstance(padding, int) else padding[0]
    c, h, w = x.shape
    padded = np.zeros((c, h + 2 * p, w + 2 * p))
    padded[:, p:p + h, p:p + w] = x
    out_h = (h + 2 * p - k) // s + 1
    out_w = (w + 2 * p - k) // s + 1
    out = np.empty((c, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[:, i, j] = padded[:, i * s:i * s + k, j * s:j * s + k].mean(axis=(1, 2))
    return out
