# Reads the kernel as kernel[v, u]: a transposed kernel, not a flipped one.
import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    kt = kernel.T
    kh, kw = kt.shape
    padded = np.pad(img, ((padding[0], padding[0]), (padding[1], padding[1])))
    out_h = (padded.shape[0] - kh) // stride[0] + 1
    out_w = (padded.shape[1] - kw) // stride[1] + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(padded[i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw] * kt)
    return out
