# torch.Size objects straight from the tensors, and a Sequential run layer by layer afterwards.
import torch
import torch.nn as nn


def layer_shapes(x_shape, layers):
    channels, features = x_shape[1], None
    modules = []
    for layer in layers:
        if layer[0] == "conv":
            modules.append(nn.Conv2d(channels, layer[1], layer[2], layer[3], layer[4]))
            channels = layer[1]
        elif layer[0] == "pool":
            modules.append(nn.MaxPool2d(layer[1], layer[2] if len(layer) > 2 else None))
        elif layer[0] == "flatten":
            modules.append(nn.Flatten())
        else:
            modules.append(nn.LazyLinear(layer[1]))
    net = nn.Sequential(*modules)
    x = torch.zeros(*x_shape)
    sizes = []
    for module in net:
        x = module(x)
        sizes.append(x.size())
    return sizes
