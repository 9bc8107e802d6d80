# Averages each window's products instead of summing them.
import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    padded = np.pad(img, padding)
    k = kernel.shape[0]
    out_h = (padded.shape[0] - k) // stride + 1
    out_w = (padded.shape[1] - k) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.mean(padded[i * stride:i * stride + k, j * stride:j * stride + k] * kernel)
    return out
