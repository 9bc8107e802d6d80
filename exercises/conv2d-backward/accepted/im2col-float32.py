import numpy as np


def conv2d_backward(dout, features, weights, padding=0, stride=1):
    # float32 throughout, vectorised with im2col: right code whose rounding the tolerance must allow
    dout = dout.astype(np.float32)
    weights = weights.astype(np.float32)
    c_in, h, w = features.shape
    c_out, _, k, _ = weights.shape
    _, out_h, out_w = dout.shape
    padded = np.pad(features.astype(np.float32), ((0, 0), (padding, padding), (padding, padding)))

    # columns: one row per window, (out_h * out_w, c_in * k * k)
    rows = []
    for i in range(out_h):
        for j in range(out_w):
            rows.append(padded[:, i * stride:i * stride + k, j * stride:j * stride + k].reshape(-1))
    columns = np.stack(rows)
    flat_dout = dout.reshape(c_out, -1)
    dweights = (flat_dout @ columns).reshape(weights.shape)

    dcolumns = flat_dout.T @ weights.reshape(c_out, -1)
    dpadded = np.zeros_like(padded)
    for n, (i, j) in enumerate((i, j) for i in range(out_h) for j in range(out_w)):
        dpadded[:, i * stride:i * stride + k, j * stride:j * stride + k] += dcolumns[n].reshape(c_in, k, k)
    return dpadded[:, padding:padding + h, padding:padding + w], dweights
