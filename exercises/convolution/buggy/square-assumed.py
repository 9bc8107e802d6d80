import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    size = img.shape[0]
    k = len(kernel)
    padded_img = np.zeros((img.shape[0] + 2 * padding, img.shape[1] + 2 * padding))
    padded_img[padding:padding + img.shape[0], padding:padding + img.shape[1]] = img
    out_size = (size + 2 * padding - k) // stride + 1
    result = np.zeros((out_size, out_size))
    for i in range(out_size):
        for j in range(out_size):
            patch = padded_img[i * stride:i * stride + k, j * stride:j * stride + k]
            result[i][j] = np.sum(patch * kernel)
    return result
