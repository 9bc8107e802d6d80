import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    img = np.pad(img, ((padding[0], padding[0]), (padding[1], padding[1])), 'constant')
    kh, kw = kernel.shape
    out_h = (img.shape[0] - kh) / stride[0] + 1
    out_w = (img.shape[1] - kw) / stride[1] + 1
    result = []
    for i in range(out_h):
        row = []
        for j in range(out_w):
            row.append(np.sum(img[i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw] * kernel))
        result.append(row)
    return np.array(result)
