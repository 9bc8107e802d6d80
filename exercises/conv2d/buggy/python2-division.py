import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    n_in, height, width = features.shape
    n_out = weights.shape[0]
    ksize = weights.shape[2]
    out_height = (height + 2 * padding - ksize) / stride + 1
    out_width = (width + 2 * padding - ksize) / stride + 1
    padded = np.pad(features, ((0, 0), (padding, padding), (padding, padding)), mode='constant')
    output = np.zeros((n_out, out_height, out_width))
    for f in range(n_out):
        for i in range(out_height):
            for j in range(out_width):
                output[f, i, j] = np.sum(padded[:, i * stride:i * stride + ksize, j * stride:j * stride + ksize] * weights[f])
    return output
