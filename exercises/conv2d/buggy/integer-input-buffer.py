import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    in_channel, h, w = features.shape
    out_channel, _, k, _ = weights.shape
    padded = np.zeros((in_channel, h + 2 * padding, w + 2 * padding), dtype=np.int32)
    for c in range(in_channel):
        padded[c, padding:padding + h, padding:padding + w] = features[c]
    out_h = (h + 2 * padding - k) // stride + 1
    out_w = (w + 2 * padding - k) // stride + 1
    result = np.zeros((out_channel, out_h, out_w))
    for o in range(out_channel):
        for c in range(in_channel):
            for i in range(out_h):
                for j in range(out_w):
                    result[o, i, j] += np.sum(padded[c, i * stride:i * stride + k, j * stride:j * stride + k] * weights[o, c])
    return result
