import numpy as np


def conv2d_backward(dout, features, weights, padding=0, stride=1):
    """
    dout: gradient of the loss with respect to the conv2d output, out_channel * h_out * w_out
    features: the forward input, in_channel * h * w
    weights: the forward kernels, out_channel * in_channel * kernel_size * kernel_size
    return: (dfeatures, dweights), with the shapes of features and weights
    """
    raise NotImplementedError("conv2d_backward is not written yet")
