import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    h, w = img.shape
    k = kernel.shape[0]
    padded = np.zeros((h + 2 * padding[0], w + 2 * padding[1]))
    padded[padding[0]:padding[0] + h, padding[1]:padding[1] + w] = img
    out_h = (h + 2 * padding[0] - k) // stride[0] + 1
    out_w = (w + 2 * padding[1] - k) // stride[1] + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            s = 0.0
            for u in range(k):
                for v in range(k):
                    s += padded[i * stride[0] + u, j * stride[1] + v] * kernel[u, v]
            out[i, j] = s
    return out
