# All channels at once with einsum, in float32.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(features, weights, padding=0, stride=1):
    features = np.asarray(features, dtype=np.float32)
    weights = np.asarray(weights, dtype=np.float32)
    k = weights.shape[2]
    padded = np.pad(features, ((0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(padded, (k, k), axis=(1, 2))[:, ::stride, ::stride]
    return np.einsum("cijkl,ockl->oij", windows, weights)
