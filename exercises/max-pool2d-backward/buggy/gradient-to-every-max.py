import numpy as np


def _pair(value):
    """An int means the same value for height and width; a tuple is (h, w)."""
    if isinstance(value, int):
        return value, value
    return value[0], value[1]


def max_pool2d_backward(dout, x, kernel_size, stride=None, padding=0):
    """
    dout: gradient of the loss with respect to the max_pool2d output, (C, H_out, W_out)
    x: the forward input, (C, H, W)
    kernel_size, stride, padding: as in max_pool2d; stride=None means stride = kernel_size
    return: dx, the gradient with respect to x, (C, H, W)
    """
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    _, out_h, out_w = dout.shape

    padded = np.full((c, h + 2 * ph, w + 2 * pw), -np.inf)
    padded[:, ph:ph + h, pw:pw + w] = x
    dpadded = np.zeros(padded.shape)
    for ch in range(c):
        for i in range(out_h):
            for j in range(out_w):
                r, s = i * sh, j * sw
                window = padded[ch, r:r + kh, s:s + kw]
                mask = window == np.max(window)
                dpadded[ch, r:r + kh, s:s + kw] += mask * dout[ch, i, j]
    return dpadded[:, ph:ph + h, pw:pw + w]
