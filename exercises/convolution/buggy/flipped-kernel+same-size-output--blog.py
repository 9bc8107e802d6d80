# Adapted from a "convolution from scratch" blog post: flip the kernel, pad by k // 2.
import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    kernel = np.flipud(np.fliplr(kernel))
    k = kernel.shape[0]
    p = k // 2
    image_padded = np.zeros((img.shape[0] + 2 * p, img.shape[1] + 2 * p))
    image_padded[p:p + img.shape[0], p:p + img.shape[1]] = img
    rows = (image_padded.shape[0] - k) // stride + 1
    cols = (image_padded.shape[1] - k) // stride + 1
    output = np.zeros((rows, cols))
    for y in range(rows):
        for x in range(cols):
            output[y, x] = (kernel * image_padded[y * stride:y * stride + k, x * stride:x * stride + k]).sum()
    return output
