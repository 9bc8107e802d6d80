import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    # textbook convolution: rotate the kernel by 180 degrees
    rotated = np.rot90(kernel, 2)
    padded = np.pad(img, padding)
    k = rotated.shape[0]
    out = np.zeros((padded.shape[0] - k + 1, padded.shape[1] - k + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(padded[i:i + k, j:j + k] * rotated)
    return out
