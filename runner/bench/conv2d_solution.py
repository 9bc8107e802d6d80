# The bench's stand-in for exercises/conv2d/solution.py, written the way the course notes do it:
# a single-channel convolution with numpy slicing, summed over input channels per output channel.
import numpy as np


def convolution(img, kernel, padding, stride):
    h, w = img.shape
    kernel_size = kernel.shape[0]
    padded = np.zeros((h + 2 * padding, w + 2 * padding))
    padded[padding:h + padding, padding:w + padding] = img
    result_h = (h + 2 * padding - kernel_size) // stride + 1
    result_w = (w + 2 * padding - kernel_size) // stride + 1
    result = np.zeros((result_h, result_w))
    for x in range(result_h):
        for y in range(result_w):
            i, j = x * stride, y * stride
            result[x, y] = np.sum(padded[i:i + kernel_size, j:j + kernel_size] * kernel)
    return result


def conv2d(features, weights, padding=0, stride=1):
    in_channel, h, w = features.shape
    out_channel, _, kernel_size, _ = weights.shape
    output_h = (h + 2 * padding - kernel_size) // stride + 1
    output_w = (w + 2 * padding - kernel_size) // stride + 1
    output = np.zeros((out_channel, output_h, output_w))
    for i in range(out_channel):
        for j in range(in_channel):
            output[i] += convolution(features[j], weights[i][j], padding, stride)
    return output
