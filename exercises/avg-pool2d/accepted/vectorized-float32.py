# Sliding windows, float32.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    kernel = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    stride = kernel if stride is None else (stride, stride) if isinstance(stride, int) else tuple(stride)
    pad = (padding, padding) if isinstance(padding, int) else tuple(padding)
    padded = np.pad(x.astype(np.float32), ((0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    windows = sliding_window_view(padded, kernel, axis=(1, 2))[:, ::stride[0], ::stride[1]]
    return windows.mean(axis=(3, 4), dtype=np.float32)
