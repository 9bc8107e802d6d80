import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    k = kernel.shape[0]
    padded = np.pad(img, padding)
    H, W = padded.shape
    output = np.zeros((H - k + 1, W - k + 1))
    for x in range(0, H - k + 1, stride):
        for y in range(0, W - k + 1, stride):
            output[x, y] = np.sum(padded[x:x + k, y:y + k] * kernel)
    return output
