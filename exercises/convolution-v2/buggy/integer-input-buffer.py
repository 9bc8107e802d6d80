import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    kh, kw = kernel.shape
    out_h = (img.shape[0] + 2 * padding[0] - kh) // stride[0] + 1
    out_w = (img.shape[1] + 2 * padding[1] - kw) // stride[1] + 1
    padded = np.pad(img, ((padding[0], padding[0]), (padding[1], padding[1])))
    # im2col matrix
    cols = np.zeros((out_h * out_w, kh * kw), dtype=np.int64)
    for i in range(out_h):
        for j in range(out_w):
            cols[i * out_w + j] = padded[i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw].ravel()
    return (cols @ kernel.ravel()).reshape(out_h, out_w)
