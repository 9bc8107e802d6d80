import numpy as np


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    if stride is None:
        stride = 1
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    img = np.transpose(x, (1, 2, 0))
    img = np.pad(img, ((ph, ph), (pw, pw), (0, 0)), constant_values=-np.inf)
    oh = (img.shape[0] - kh) // sh + 1
    ow = (img.shape[1] - kw) // sw + 1
    out = np.zeros((oh, ow, img.shape[2]))
    for i in range(oh):
        for j in range(ow):
            out[i, j] = img[i * sh:i * sh + kh, j * sw:j * sw + kw].max(axis=(0, 1))
    return out
