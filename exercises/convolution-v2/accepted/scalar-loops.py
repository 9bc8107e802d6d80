# Every multiply-add written out, one numpy scalar at a time, and no padded copy: the slowest
# usual style. The exercise's CPU limit must leave it a wide margin (npm run bench:limits).
import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    h, w = img.shape
    kh, kw = kernel.shape
    out_h = (h + 2 * padding[0] - kh) // stride[0] + 1
    out_w = (w + 2 * padding[1] - kw) // stride[1] + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            total = 0.0
            for u in range(kh):
                for v in range(kw):
                    r = i * stride[0] + u - padding[0]
                    c = j * stride[1] + v - padding[1]
                    if 0 <= r < h and 0 <= c < w:
                        total += img[r, c] * kernel[u, v]
            out[i, j] = total
    return out
