import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    kh, kw = kernel.shape
    # keep the output the size of the image
    padded = np.pad(img, ((kh // 2, kh // 2), (kw // 2, kw // 2)))
    out_h = (padded.shape[0] - kh) // stride[0] + 1
    out_w = (padded.shape[1] - kw) // stride[1] + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(padded[i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw] * kernel)
    return out
