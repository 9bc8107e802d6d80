import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    c_in, h, w = features.shape
    c_out, _, k, _ = weights.shape
    half = k // 2
    padded = np.pad(features, ((0, 0), (half, half), (half, half)))
    h_out = (padded.shape[1] - k) // stride + 1
    w_out = (padded.shape[2] - k) // stride + 1
    out = np.zeros((c_out, h_out, w_out))
    for o in range(c_out):
        for i in range(h_out):
            for j in range(w_out):
                out[o, i, j] = np.sum(padded[:, i * stride:i * stride + k, j * stride:j * stride + k] * weights[o])
    return out
