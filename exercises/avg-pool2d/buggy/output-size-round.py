import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else v


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    padded = np.zeros((c, h + 2 * ph, w + 2 * pw))
    padded[:, ph:ph + h, pw:pw + w] = x
    oh = round((h + 2 * ph - kh) / sh) + 1
    ow = round((w + 2 * pw - kw) / sw) + 1
    out = np.zeros((c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            # the last window may be cut by the border
            out[:, i, j] = padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw].mean(axis=(1, 2))
    return out
