import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    C, H, W = features.shape
    F, _, K, _ = weights.shape
    padded = np.zeros((C, H + 2 * padding, W + 2 * padding))
    padded[:, padding:padding + H, padding:padding + W] = features
    out = np.zeros((F, H + 2 * padding - K + 1, W + 2 * padding - K + 1))
    for f in range(F):
        for y in range(0, H + 2 * padding - K + 1, stride):
            for x in range(0, W + 2 * padding - K + 1, stride):
                out[f, y, x] = np.sum(padded[:, y:y + K, x:x + K] * weights[f])
    return out
