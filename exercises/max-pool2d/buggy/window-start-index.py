import numpy as np


def to_pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = to_pair(kernel_size)
    sh, sw = to_pair(kernel_size if stride is None else stride)
    ph, pw = to_pair(padding)
    xp = np.pad(x, ((0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    C, H, W = xp.shape
    out = np.zeros((C, H - kh + 1, W - kw + 1))
    for r in range(0, H - kh + 1, sh):
        for c in range(0, W - kw + 1, sw):
            out[:, r, c] = np.max(xp[:, r:r + kh, c:c + kw], axis=(1, 2))
    return out
