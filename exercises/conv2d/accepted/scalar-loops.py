# Every multiply-add written out, one numpy scalar at a time, and no padded copy: the slowest
# usual style. The exercise's CPU limit must leave it a wide margin (npm run bench:limits).
import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    c_in, h, w = features.shape
    c_out, _, kh, kw = weights.shape
    out_h = (h + 2 * padding - kh) // stride + 1
    out_w = (w + 2 * padding - kw) // stride + 1
    out = np.zeros((c_out, out_h, out_w))
    for o in range(c_out):
        for i in range(out_h):
            for j in range(out_w):
                total = 0.0
                for c in range(c_in):
                    for u in range(kh):
                        for v in range(kw):
                            r = i * stride + u - padding
                            q = j * stride + v - padding
                            if 0 <= r < h and 0 <= q < w:
                                total += features[c, r, q] * weights[o, c, u, v]
                out[o, i, j] = total
    return out
