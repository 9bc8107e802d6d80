import numpy as np


def conv2d_backward(dout, features, weights, padding=0, stride=1):
    """
    dout: gradient of the loss with respect to the conv2d output, out_channel * h_out * w_out
    features: the forward input, in_channel * h * w
    weights: the forward kernels, out_channel * in_channel * kernel_size * kernel_size
    return: (dfeatures, dweights), with the shapes of features and weights
    """
    in_channel, h, w = features.shape
    out_channel, _, kernel_size, _ = weights.shape
    _, out_h, out_w = dout.shape

    padded = np.zeros((in_channel, h + 2 * padding, w + 2 * padding))
    padded[:, padding:padding + h, padding:padding + w] = features
    dpadded = np.zeros_like(padded)
    dweights = np.zeros(weights.shape)

    # output cell (o, i, j) read the window padded[:, i*stride : i*stride+k, j*stride : j*stride+k]
    for o in range(out_channel):
        for i in range(out_h):
            for j in range(out_w):
                r, c = i, j
                window = padded[:, r:r + kernel_size, c:c + kernel_size]
                dweights[o] += dout[o, i, j] * window
                # += : a cell inside several windows collects the gradient of every one of them
                dpadded[:, r:r + kernel_size, c:c + kernel_size] += dout[o, i, j] * weights[o]

    # the padding is not part of the input: crop its gradient off
    dfeatures = dpadded[:, padding:padding + h, padding:padding + w]
    return dfeatures, dweights
