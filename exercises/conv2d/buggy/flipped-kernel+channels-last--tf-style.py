# Written from a TensorFlow tutorial: kernels rotated as in maths, output as (H, W, C).
import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    x = np.pad(features, ((0, 0), (padding, padding), (padding, padding)))
    n_filters, n_channels, k, _ = weights.shape
    rows = (x.shape[1] - k) // stride + 1
    cols = (x.shape[2] - k) // stride + 1
    out = np.zeros((rows, cols, n_filters))
    for f in range(n_filters):
        kernel = np.rot90(weights[f], 2, axes=(1, 2))
        for r in range(rows):
            for c in range(cols):
                out[r, c, f] = np.sum(x[:, r * stride:r * stride + k, c * stride:c * stride + k] * kernel)
    return out
