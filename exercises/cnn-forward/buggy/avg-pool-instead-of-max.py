import numpy as np


def conv_layer(image, weight, bias):
    """nn.Conv2d with stride 1 and no padding: image (C, H, W), weight (C_out, C, k, k), bias (C_out,)."""
    out_channels, _, k, _ = weight.shape
    _, h, w = image.shape
    out = np.zeros((out_channels, h - k + 1, w - k + 1))
    for o in range(out_channels):
        for i in range(h - k + 1):
            for j in range(w - k + 1):
                out[o, i, j] = np.sum(image[:, i:i + k, j:j + k] * weight[o]) + bias[o]
    return out


def max_pool_2x2(x):
    """F.max_pool2d(x, 2) on (C, H, W): an odd last row or column is dropped."""
    c, h, w = x.shape
    out = np.zeros((c, h // 2, w // 2))
    for i in range(h // 2):
        for j in range(w // 2):
            out[:, i, j] = x[:, 2 * i:2 * i + 2, 2 * j:2 * j + 2].mean(axis=(1, 2))
    return out


def cnn_forward(x, params):
    """
    x: a batch of images, shape (N, C, H, W)
    params: the network's weights, named as in model.state_dict():
        "conv.weight" (C_out, C, k, k), "conv.bias" (C_out,),
        "fc.weight" (classes, C_out * H_pool * W_pool), "fc.bias" (classes,)
    return: logits, shape (N, classes)
    """
    logits = []
    for image in x:
        h = conv_layer(image, params["conv.weight"], params["conv.bias"])
        h = np.maximum(h, 0)     # ReLU
        h = max_pool_2x2(h)      # 2x2 max-pool, stride 2
        h = h.reshape(-1)        # flatten in (C, H, W) order, like torch.flatten(x, 1)
        logits.append(params["fc.weight"] @ h + params["fc.bias"])
    return np.array(logits)
