import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    C, H, W = features.shape
    F, _, k, _ = weights.shape
    x = np.pad(features, ((0, 0), (padding, padding), (padding, padding)))
    out_h = (H + 2 * padding - k) // stride + 1
    out_w = (W + 2 * padding - k) // stride + 1
    cols = np.zeros((out_h * out_w, C * k * k))
    for h in range(out_h):
        for w in range(out_w):
            cols[h * out_h + w] = x[:, h * stride:h * stride + k, w * stride:w * stride + k].reshape(-1)
    W_row = weights.reshape(F, -1)
    out = W_row @ cols.T
    return out.reshape(F, out_h, out_w)
