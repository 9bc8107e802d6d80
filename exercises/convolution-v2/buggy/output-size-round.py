import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    h, w = img.shape
    kh, kw = kernel.shape
    big = np.zeros((h + 2 * padding[0] + kh, w + 2 * padding[1] + kw))
    big[padding[0]:padding[0] + h, padding[1]:padding[1] + w] = img
    oh = round((h + 2 * padding[0] - kh) / stride[0]) + 1
    ow = round((w + 2 * padding[1] - kw) / stride[1]) + 1
    res = np.zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            res[i, j] = np.sum(big[i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw] * kernel)
    return res
