# Computes in float32 and returns nested lists: both must be accepted.
import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    img = np.asarray(img, dtype=np.float32)
    kernel = np.asarray(kernel, dtype=np.float32)
    padded = np.pad(img, padding)
    k = kernel.shape[0]
    rows = range(0, padded.shape[0] - k + 1, stride)
    cols = range(0, padded.shape[1] - k + 1, stride)
    return [[float((padded[i:i + k, j:j + k] * kernel).sum(dtype=np.float32)) for j in cols] for i in rows]
