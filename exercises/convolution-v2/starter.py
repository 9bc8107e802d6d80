import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    """
    img: input image with one channel, shape (H, W)
    kernel: convolution kernel, shape (kh, kw)
    padding: (rows of zeros above and below, columns of zeros left and right)
    stride: (step between windows down, step between windows across)
    return: output of shape (H_out, W_out)
    """
    raise NotImplementedError("convolutionV2 is not written yet")
