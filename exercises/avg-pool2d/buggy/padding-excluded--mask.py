import numpy as np


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    sh, sw = (kh, kw) if stride is None else ((stride, stride) if isinstance(stride, int) else stride)
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    c, h, w = x.shape
    padded = np.pad(x, ((0, 0), (ph, ph), (pw, pw)))
    mask = np.pad(np.ones((h, w)), ((ph, ph), (pw, pw)))
    oh = (h + 2 * ph - kh) // sh + 1
    ow = (w + 2 * pw - kw) // sw + 1
    out = np.zeros((c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            rows = slice(i * sh, i * sh + kh)
            cols = slice(j * sw, j * sw + kw)
            # average only over the pixels of the image
            out[:, i, j] = padded[:, rows, cols].sum(axis=(1, 2)) / mask[rows, cols].sum()
    return out
