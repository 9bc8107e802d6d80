import numpy as np


def conv2d(features, weights, padding=0, stride=1):
    """
    features: input, in_channel * h * w
    weights: kernel, out_channel * in_channel * kernel_size * kernel_size
    return: output with out_channel channels, out_channel * h_out * w_out
    """
    raise NotImplementedError("conv2d is not written yet")
