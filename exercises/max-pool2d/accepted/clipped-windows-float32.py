# No padding array: each window is clipped to the image, which is what -inf padding means. float32.
import numpy as np


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = (kernel_size, kernel_size) if np.isscalar(kernel_size) else kernel_size
    stride = kernel_size if stride is None else stride
    sh, sw = (stride, stride) if np.isscalar(stride) else stride
    ph, pw = (padding, padding) if np.isscalar(padding) else padding
    x = x.astype(np.float32)
    c, h, w = x.shape
    out = np.empty((c, (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1), dtype=np.float32)
    for i in range(out.shape[1]):
        for j in range(out.shape[2]):
            r0, c0 = i * sh - ph, j * sw - pw
            window = x[:, max(r0, 0):r0 + kh, max(c0, 0):c0 + kw]
            out[:, i, j] = window.max(axis=(1, 2))
    return out
