import numpy as np


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    if stride is None:
        stride = (kh, kw)
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    c, h, w = x.shape
    padded = np.pad(x, ((0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    out = np.zeros((c, (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1))
    for i in range((h - kh) // sh + 1):
        for j in range((w - kw) // sw + 1):
            out[:, i, j] = padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw].max(axis=(1, 2))
    return out
