import numpy as np


def _pair(value):
    """An int means the same value for height and width; a tuple is (h, w)."""
    if isinstance(value, int):
        return value, value
    return value[0], value[1]


def avg_pool2d_backward(dout, x, kernel_size, stride=None, padding=0):
    """
    dout: gradient of the loss with respect to the avg_pool2d output, (C, H_out, W_out)
    x: the forward input, (C, H, W)
    kernel_size, stride, padding: as in avg_pool2d; stride=None means stride = kernel_size
    return: dx, the gradient with respect to x, (C, H, W)
    """
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    _, out_h, out_w = dout.shape

    dpadded = np.zeros((c, h + 2 * ph, w + 2 * pw))
    for i in range(out_h):
        for j in range(out_w):
            r, s = i * sh, j * sw
            # the forward pass divides every window sum by kh * kw, padding included
            dpadded[:, r:r + kh, s:s + kw] += dout[:, i, j, None, None] / (kh * kw)
    return dpadded[:, ph:ph + h, pw:pw + w]
