import numpy as np


def _pair(value):
    """An int means the same value for height and width; a tuple is (h, w)."""
    if isinstance(value, int):
        return value, value
    return value[0], value[1]


def max_pool2d(x, kernel_size, stride=None, padding=0):
    """
    x: input of shape (C, H, W)
    kernel_size, stride, padding: each an int or an (h, w) tuple; stride=None means stride = kernel_size
    return: output of shape (C, H_out, W_out), like torch.nn.functional.max_pool2d
    """
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(1 if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape

    # padding counts as -inf: it can never be the maximum of a window
    padded = np.full((c, h + 2 * ph, w + 2 * pw), -np.inf)
    padded[:, ph:ph + h, pw:pw + w] = x

    out_h = (h + 2 * ph - kh) // sh + 1
    out_w = (w + 2 * pw - kw) // sw + 1
    out = np.zeros((c, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw]
            out[:, i, j] = window.max(axis=(1, 2))
    return out
