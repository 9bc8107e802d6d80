import torch
import torch.nn as nn


def make_layer(layer, x):
    """The nn module for one layer tuple; x is the tensor it will receive (for its channels and features)."""
    kind = layer[0]
    if kind == "conv":
        _, out_channels, kernel_size, stride, padding = layer
        return nn.Conv2d(x.shape[1], out_channels, kernel_size, stride=stride, padding=padding)
    if kind == "pool":
        return nn.MaxPool2d(*layer[1:])  # no stride given: nn.MaxPool2d uses the kernel size
    if kind == "flatten":
        return nn.Flatten()  # keeps the batch axis: (N, C * H * W)
    return nn.Linear(x.shape[-1], layer[1])


def layer_shapes(x_shape, layers):
    x = torch.zeros(x_shape)
    net = nn.Sequential()
    shapes = []
    with torch.no_grad():
        for layer in layers:
            module = make_layer(layer, x)
            net.append(module)
            x = module(x)
            shapes.append(tuple(x.shape))
    return shapes
