import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    h, w = img.shape
    k = kernel.shape[0]
    padded = np.pad(img, ((padding, padding), (padding, padding)), mode="constant")
    out_h = (h + 2 * padding - k) // stride + 1
    out_w = (w + 2 * padding - k) // stride + 1
    out = np.zeros((out_h, out_w))
    # number of windows along each axis
    n_rows = (h - k) // stride + 1
    n_cols = (w - k) // stride + 1
    for r in range(n_rows):
        for c in range(n_cols):
            window = padded[r * stride:r * stride + k, c * stride:c * stride + k]
            out[r, c] = (window * kernel).sum()
    return out
