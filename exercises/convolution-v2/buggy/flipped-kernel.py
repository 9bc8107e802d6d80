import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    """
    img: input image with one channel, shape (H, W)
    kernel: convolution kernel, shape (kh, kw)
    padding: (rows of zeros above and below, columns of zeros left and right)
    stride: (step between windows down, step between windows across)
    return: output of shape (H_out, W_out)
    """
    h, w = img.shape
    kh, kw = kernel.shape

    # height and width of the image with padding
    ph, pw = h + 2 * padding[0], w + 2 * padding[1]
    padding_img = np.zeros((ph, pw))
    padding_img[padding[0]:h + padding[0], padding[1]:w + padding[1]] = img

    # height and width of the output
    result_h = (h + 2 * padding[0] - kh) // stride[0] + 1
    result_w = (w + 2 * padding[1] - kw) // stride[1] + 1
    result = np.zeros((result_h, result_w))

    # convolution (a cross-correlation: the kernel is not flipped)
    x, y = 0, 0
    for i in range(0, ph - kh + 1, stride[0]):
        for j in range(0, pw - kw + 1, stride[1]):
            roi = padding_img[i:i + kh, j:j + kw]
            result[x, y] = np.sum(roi * np.flip(kernel))
            y += 1
        y = 0
        x += 1
    return result
