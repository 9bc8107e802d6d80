import numpy as np


def _pair(value):
    """An int means the same value for height and width; a tuple is (h, w)."""
    if isinstance(value, int):
        return value, value
    return value[0], value[1]


def avg_pool2d_backward(dout, x, kernel_size, stride=None, padding=0):
    """
    dout: gradient of the loss with respect to the avg_pool2d output, (C, H_out, W_out)
    x: the forward input, (C, H, W)
    kernel_size, stride, padding: as in avg_pool2d; stride=None means stride = kernel_size
    return: dx, the gradient with respect to x, (C, H, W)
    """
    raise NotImplementedError("avg_pool2d_backward is not written yet")
