import numpy as np


def convolution(img, kernel, padding=1, stride=1):
    """
    img: input image with one channel, shape (H, W)
    kernel: square convolution kernel, shape (k, k)
    padding: rows and columns of zeros added on every side
    stride: step between two windows
    return: output of shape (H_out, W_out)
    """
    h, w = img.shape
    kernel_size = kernel.shape[0]

    # zero-padded image
    ph, pw = h + 2 * padding, w + 2 * padding
    padding_img = np.zeros((ph, pw))
    padding_img[padding:h + padding, padding:w + padding] = img

    # size of the output
    result_h = (h + 2 * padding - kernel_size) // stride + 1
    result_w = (w + 2 * padding - kernel_size) // stride + 1
    result = np.zeros((result_h, result_w), dtype=int)

    # slide the kernel: multiply each window by the kernel (no flip) and sum
    x, y = 0, 0
    for i in range(0, ph - kernel_size + 1, stride):
        for j in range(0, pw - kernel_size + 1, stride):
            roi = padding_img[i:i + kernel_size, j:j + kernel_size]
            result[x, y] = np.sum(roi * kernel)
            y += 1
        y = 0
        x += 1
    return result
