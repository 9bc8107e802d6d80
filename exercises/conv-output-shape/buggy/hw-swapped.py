def _pair(value):
    """An int means the same value for height and width; a tuple is (h, w)."""
    if isinstance(value, int):
        return value, value
    return value[0], value[1]


def conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0):
    """
    input_shape: (N, C, H, W) of the input
    out_channels: number of filters of the convolution layer
    kernel_size, stride, padding: each an int or an (h, w) tuple
    return: (N, out_channels, H_out, W_out) as ints, like nn.Conv2d
    """
    n, c, h, w = input_shape
    kw, kh = _pair(kernel_size)
    sw, sh = _pair(stride)
    pw, ph = _pair(padding)

    # number of window positions: the first one, plus one per stride that still fits
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    return (n, out_channels, h_out, w_out)
