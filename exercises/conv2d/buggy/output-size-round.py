import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    cin, h, w = features.shape
    cout, _, kh, kw = weights.shape
    xp = np.zeros((cin, h + 2 * padding + kh, w + 2 * padding + kw))
    xp[:, padding:padding + h, padding:padding + w] = features
    oh = int(np.round((h + 2 * padding - kh) / stride)) + 1
    ow = int(np.round((w + 2 * padding - kw) / stride)) + 1
    y = np.zeros((cout, oh, ow))
    for o in range(cout):
        for i in range(oh):
            for j in range(ow):
                y[o, i, j] = np.sum(xp[:, i * stride:i * stride + kh, j * stride:j * stride + kw] * weights[o])
    return y
