# Keeps the value of largest magnitude in each window.
import numpy as np


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    sh, sw = (kh, kw) if stride is None else ((stride, stride) if isinstance(stride, int) else stride)
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    c, h, w = x.shape
    padded = np.zeros((c, h + 2 * ph, w + 2 * pw))
    padded[:, ph:ph + h, pw:pw + w] = x
    oh = (h + 2 * ph - kh) // sh + 1
    ow = (w + 2 * pw - kw) // sw + 1
    out = np.zeros((c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            win = padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw].reshape(c, -1)
            out[:, i, j] = win[np.arange(c), np.abs(win).argmax(axis=1)]
    return out
