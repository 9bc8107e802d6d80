import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    pad_w, pad_h = padding
    stride_w, stride_h = stride
    flipped = kernel[::-1, ::-1]
    kh, kw = flipped.shape
    padded = np.zeros((img.shape[0] + 2 * pad_h, img.shape[1] + 2 * pad_w))
    padded[pad_h:pad_h + img.shape[0], pad_w:pad_w + img.shape[1]] = img
    out_h = (padded.shape[0] - kh) // stride_h + 1
    out_w = (padded.shape[1] - kw) // stride_w + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(padded[i * stride_h:i * stride_h + kh, j * stride_w:j * stride_w + kw] * flipped)
    return out
