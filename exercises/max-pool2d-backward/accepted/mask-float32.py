import numpy as np


def max_pool2d_backward(dout, x, kernel_size, stride=None, padding=0):
    # float32, one window at a time with a first-maximum mask built from argmax
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    if stride is None:
        stride = (kh, kw)
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    x = x.astype(np.float32)
    dout = dout.astype(np.float32)
    padded = np.pad(x, ((0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    dx = np.zeros_like(padded)
    for i in range(dout.shape[1]):
        for j in range(dout.shape[2]):
            window = padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw].reshape(x.shape[0], -1)
            first = np.zeros_like(window)
            first[np.arange(window.shape[0]), window.argmax(axis=1)] = 1
            dx[:, i * sh:i * sh + kh, j * sw:j * sw + kw] += (first * dout[:, i, j, None]).reshape(-1, kh, kw)
    return dx[:, ph:ph + x.shape[1], pw:pw + x.shape[2]]
