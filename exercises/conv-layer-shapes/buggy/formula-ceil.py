import math


def layer_shapes(x_shape, layers):
    # BUG: the shapes come from a formula, and it rounds up: PyTorch rounds (H + 2p - k) / s down
    n, c, h, w = x_shape
    shape = (n, c, h, w)
    shapes = []
    for layer in layers:
        if layer[0] in ("conv", "pool"):
            if layer[0] == "conv":
                _, c, k, s, p = layer
            else:
                k, s, p = layer[1], layer[2] if len(layer) > 2 else layer[1], 0
            h = math.ceil((h + 2 * p - k) / s) + 1
            w = math.ceil((w + 2 * p - k) / s) + 1
            shape = (n, c, h, w)
        elif layer[0] == "flatten":
            shape = (n, c * h * w)
        else:
            shape = (n, layer[1])
        shapes.append(shape)
    return shapes
