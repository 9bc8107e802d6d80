import torch
import torch.nn as nn


def layer_shapes(x_shape, layers):
    # x_shape: (N, C, H, W); layers: a tuple of ("conv", out_channels, kernel_size, stride, padding),
    # ("pool", kernel_size) or ("pool", kernel_size, stride), ("flatten",), ("linear", out_features).
    # Build the layers, run torch.zeros(x_shape) through them and return the shape after each one.
    raise NotImplementedError("layer_shapes is not written yet")
