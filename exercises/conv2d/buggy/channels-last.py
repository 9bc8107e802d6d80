import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    c_in, h, w = features.shape
    c_out, _, k, _ = weights.shape
    padded = np.pad(features, ((0, 0), (padding, padding), (padding, padding)))
    h_out = (h + 2 * padding - k) // stride + 1
    w_out = (w + 2 * padding - k) // stride + 1
    # output image, one channel per filter
    out = np.zeros((h_out, w_out, c_out))
    for i in range(h_out):
        for j in range(w_out):
            window = padded[:, i * stride:i * stride + k, j * stride:j * stride + k]
            for o in range(c_out):
                out[i, j, o] = np.sum(window * weights[o])
    return out
