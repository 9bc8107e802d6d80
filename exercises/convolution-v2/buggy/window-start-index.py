import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    kh, kw = kernel.shape
    padded = np.pad(img, [(padding[0], padding[0]), (padding[1], padding[1])])
    out = np.zeros((padded.shape[0] - kh + 1, padded.shape[1] - kw + 1))
    for r in range(0, padded.shape[0] - kh + 1, stride[0]):
        for c in range(0, padded.shape[1] - kw + 1, stride[1]):
            out[r][c] = (padded[r:r + kh, c:c + kw] * kernel).sum()
    return out
