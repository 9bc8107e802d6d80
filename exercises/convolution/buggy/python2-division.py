import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    H, W = img.shape
    K = kernel.shape[0]
    out_H = (H + 2 * padding - K) / stride + 1
    out_W = (W + 2 * padding - K) / stride + 1
    padded = np.zeros((H + 2 * padding, W + 2 * padding))
    padded[padding:H + padding, padding:W + padding] = img
    out = np.zeros((out_H, out_W))
    for i in range(out_H):
        for j in range(out_W):
            out[i, j] = np.sum(padded[i * stride:i * stride + K, j * stride:j * stride + K] * kernel)
    return out
