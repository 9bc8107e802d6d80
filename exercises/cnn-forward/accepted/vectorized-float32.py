# The whole batch at once, in float32.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def cnn_forward(x, params):
    x = x.astype(np.float32)
    weight = params["conv.weight"].astype(np.float32)
    k = weight.shape[2]
    windows = sliding_window_view(x, (k, k), axis=(2, 3))
    h = np.einsum("ncijkl,ockl->noij", windows, weight) + params["conv.bias"].astype(np.float32)[:, None, None]
    h = np.maximum(h, 0)
    n, c, hh, ww = h.shape
    h = h[:, :, :hh // 2 * 2, :ww // 2 * 2].reshape(n, c, hh // 2, 2, ww // 2, 2).max(axis=(3, 5))
    return h.reshape(n, -1) @ params["fc.weight"].astype(np.float32).T + params["fc.bias"].astype(np.float32)
