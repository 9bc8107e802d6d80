import numpy as np


def avg_pool2d_backward(dout, x, kernel_size, stride=None, padding=0):
    # float32; each window's share spread with np.ones, windows added one at a time
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    sh, sw = (kh, kw) if stride is None else ((stride, stride) if isinstance(stride, int) else tuple(stride))
    ph, pw = (padding, padding) if isinstance(padding, int) else tuple(padding)
    share = dout.astype(np.float32) / np.float32(kh * kw)
    dx = np.zeros((x.shape[0], x.shape[1] + 2 * ph, x.shape[2] + 2 * pw), dtype=np.float32)
    block = np.ones((kh, kw), dtype=np.float32)
    for i in range(dout.shape[1]):
        for j in range(dout.shape[2]):
            dx[:, i * sh:i * sh + kh, j * sw:j * sw + kw] += share[:, i, j, None, None] * block
    return dx[:, ph:dx.shape[1] - ph, pw:dx.shape[2] - pw]
