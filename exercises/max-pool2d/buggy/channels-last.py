import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else v


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    padded = np.full((c, h + 2 * ph, w + 2 * pw), -np.inf)
    padded[:, ph:ph + h, pw:pw + w] = x
    oh = (h + 2 * ph - kh) // sh + 1
    ow = (w + 2 * pw - kw) // sw + 1
    pooled = np.zeros((oh, ow, c))
    for i in range(oh):
        for j in range(ow):
            pooled[i, j, :] = padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw].reshape(c, -1).max(axis=1)
    return pooled
