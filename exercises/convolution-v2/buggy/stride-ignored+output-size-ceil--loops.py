import math
import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    h, w = img.shape
    kh, kw = kernel.shape
    padded = np.pad(img, ((padding[0], padding[0]), (padding[1], padding[1])))
    out_h = math.ceil((h + 2 * padding[0] - kh) / stride[0]) + 1
    out_w = math.ceil((w + 2 * padding[1] - kw) / stride[1]) + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(padded[i:i + kh, j:j + kw] * kernel)
    return out
