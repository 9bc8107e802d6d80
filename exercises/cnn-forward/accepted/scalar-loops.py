# Every multiply-add written out, one numpy scalar at a time: the slowest usual style. The
# exercise's CPU limit must leave it a wide margin (npm run bench:limits).
import numpy as np


def cnn_forward(x, params):
    weight, bias = params["conv.weight"], params["conv.bias"]
    fc_weight, fc_bias = params["fc.weight"], params["fc.bias"]
    n, c_in, h, w = x.shape
    c_out, _, k, _ = weight.shape
    conv_h, conv_w = h - k + 1, w - k + 1
    pool_h, pool_w = conv_h // 2, conv_w // 2
    logits = np.zeros((n, fc_weight.shape[0]))
    for b in range(n):
        conv = np.zeros((c_out, conv_h, conv_w))
        for o in range(c_out):
            for i in range(conv_h):
                for j in range(conv_w):
                    total = bias[o]
                    for c in range(c_in):
                        for u in range(k):
                            for v in range(k):
                                total += x[b, c, i + u, j + v] * weight[o, c, u, v]
                    conv[o, i, j] = max(total, 0.0)
        flat = []
        for o in range(c_out):
            for i in range(pool_h):
                for j in range(pool_w):
                    flat.append(max(conv[o, 2 * i, 2 * j], conv[o, 2 * i, 2 * j + 1], conv[o, 2 * i + 1, 2 * j], conv[o, 2 * i + 1, 2 * j + 1]))
        for m in range(fc_weight.shape[0]):
            total = fc_bias[m]
            for f in range(len(flat)):
                total += fc_weight[m, f] * flat[f]
            logits[b, m] = total
    return logits
