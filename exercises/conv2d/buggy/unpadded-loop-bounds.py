import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    c_in, h, w = features.shape
    c_out, _, k, _ = weights.shape
    x = np.pad(features, ((0, 0), (padding, padding), (padding, padding)))
    out_h = (h + 2 * padding - k) // stride + 1
    out_w = (w + 2 * padding - k) // stride + 1
    out = np.zeros((c_out, out_h, out_w))
    for o in range(c_out):
        for i in range((h - k) // stride + 1):
            for j in range((w - k) // stride + 1):
                out[o, i, j] = np.sum(x[:, i * stride:i * stride + k, j * stride:j * stride + k] * weights[o])
    return out
