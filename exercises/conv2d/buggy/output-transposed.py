import numpy as np


def convolution(img, kernel, padding, stride):
    """One channel: img (H, W), kernel (k, k) -> (H_out, W_out)."""
    h, w = img.shape
    kernel_size = kernel.shape[0]

    ph, pw = h + 2 * padding, w + 2 * padding
    padding_img = np.zeros((ph, pw))
    padding_img[padding:h + padding, padding:w + padding] = img

    result_h = (h + 2 * padding - kernel_size) // stride + 1
    result_w = (w + 2 * padding - kernel_size) // stride + 1
    result = np.zeros((result_h, result_w))
    for x in range(result_h):
        for y in range(result_w):
            i, j = x * stride, y * stride
            roi = padding_img[i:i + kernel_size, j:j + kernel_size]
            result[x, y] = np.sum(roi * kernel)
    return result


def conv2d(features, weights, padding=0, stride=1):
    """
    features: input, in_channel * h * w
    weights: kernel, out_channel * in_channel * kernel_size * kernel_size
    return: output with out_channel channels, out_channel * h_out * w_out
    """
    in_channel, h, w = features.shape
    out_channel, _, kernel_size, _ = weights.shape

    # height and width of the output
    output_h = (h + 2 * padding - kernel_size) // stride + 1
    output_w = (w + 2 * padding - kernel_size) // stride + 1
    output = np.zeros((out_channel, output_h, output_w))

    # each output channel sums the convolutions of every input channel with its own kernel
    for i in range(out_channel):
        weight = weights[i]
        for j in range(in_channel):
            feature_map = features[j]
            kernel = weight[j]
            output[i] += convolution(feature_map, kernel, padding, stride)
    return output.transpose(0, 2, 1)
