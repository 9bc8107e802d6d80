def conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0):
    """
    input_shape: (N, C, H, W) of the input
    out_channels: number of filters of the convolution layer
    kernel_size, stride, padding: each an int or an (h, w) tuple
    return: (N, out_channels, H_out, W_out) as ints, like nn.Conv2d
    """
    raise NotImplementedError("conv2d_output_shape is not written yet")
