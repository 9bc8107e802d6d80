# Every window element visited one numpy scalar at a time, and no padded copy: the slowest usual
# style. The exercise's CPU limit must leave it a wide margin (npm run bench:limits).
import numpy as np


def _pair(value):
    return (value, value) if isinstance(value, int) else (value[0], value[1])


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    out_h = (h + 2 * ph - kh) // sh + 1
    out_w = (w + 2 * pw - kw) // sw + 1
    out = np.zeros((c, out_h, out_w))
    for ch in range(c):
        for i in range(out_h):
            for j in range(out_w):
                best = -np.inf  # padding never wins
                for u in range(kh):
                    for v in range(kw):
                        r = i * sh + u - ph
                        q = j * sw + v - pw
                        if 0 <= r < h and 0 <= q < w and x[ch, r, q] > best:
                            best = x[ch, r, q]
                out[ch, i, j] = best
    return out
