import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    kh, kw = kernel.shape
    x = np.pad(img, ((padding[0],) * 2, (padding[1],) * 2))
    out_h = (x.shape[0] - kh) // stride[0] + 1
    out_w = (x.shape[1] - kw) // stride[1] + 1
    col = np.empty((out_h * out_w, kh * kw))
    for h in range(out_h):
        for w in range(out_w):
            col[h * out_h + w] = x[h * stride[0]:h * stride[0] + kh, w * stride[1]:w * stride[1] + kw].flatten()
    out = col.dot(kernel.flatten())
    return out.reshape(out_h, out_w)
