import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    in_c, size, _ = features.shape
    out_c, _, k, _ = weights.shape
    padded = np.pad(features, [(0, 0), (padding, padding), (padding, padding)])
    n = (size + 2 * padding - k) // stride + 1
    output = np.zeros((out_c, n, n))
    for oc in range(out_c):
        for i in range(n):
            for j in range(n):
                region = padded[:, i * stride:i * stride + k, j * stride:j * stride + k]
                output[oc, i, j] = np.sum(region * weights[oc])
    return output
