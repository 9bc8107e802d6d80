# The loop from issue 14: stride 1 over the unpadded image, a square output sized from image.shape[0].
import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    n = img.shape[0]
    k = kernel.shape[0]
    out = np.zeros((n - k + 1, n - k + 1))
    for i in range(n - k + 1):
        for j in range(n - k + 1):
            out[i, j] = np.sum(img[i:i + k, j:j + k] * kernel)
    return out
