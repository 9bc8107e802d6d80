import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    h, w = img.shape
    k = kernel.shape[0]
    padded = np.zeros((h + 2 * padding, w + 2 * padding))
    padded[padding:padding + h, padding:padding + w] = img
    out_h = int(round((h + 2 * padding - k) / stride)) + 1
    out_w = int(round((w + 2 * padding - k) / stride)) + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            r, c = i * stride, j * stride
            window = padded[r:r + k, c:c + k]
            # the last window may stick out of the image: only use the part inside
            out[i, j] = np.sum(window * kernel[:window.shape[0], :window.shape[1]])
    return out
