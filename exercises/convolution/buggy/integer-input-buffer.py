import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    h, w = img.shape
    k = kernel.shape[0]
    # make a bigger image filled with zeros and put the original in the middle
    big = np.zeros((h + 2 * padding, w + 2 * padding), dtype=int)
    big[padding:padding + h, padding:padding + w] = img
    oh = (h + 2 * padding - k) // stride + 1
    ow = (w + 2 * padding - k) // stride + 1
    out = np.zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            total = 0.0
            for u in range(k):
                for v in range(k):
                    total += big[i * stride + u, j * stride + v] * kernel[u, v]
            out[i, j] = total
    return out
