import numpy as np


def im2col(padded, k, stride, out_h, out_w):
    cols = np.zeros((out_h * out_w, k * k))
    for h in range(out_h):
        for w in range(out_w):
            patch = padded[h * stride:h * stride + k, w * stride:w * stride + k]
            cols[h * out_h + w, :] = patch.reshape(-1)
    return cols


def convolution(img, kernel, padding=1, stride=1):
    k = kernel.shape[0]
    padded = np.pad(img, padding)
    out_h = (padded.shape[0] - k) // stride + 1
    out_w = (padded.shape[1] - k) // stride + 1
    cols = im2col(padded, k, stride, out_h, out_w)
    return (cols @ kernel.reshape(-1)).reshape(out_h, out_w)
