# math.floor returns ints, and a list is as good as a tuple.
import math


def conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0):
    def pair(v):
        return list(v) if isinstance(v, (tuple, list)) else [v, v]

    (kh, kw), (sh, sw), (ph, pw) = pair(kernel_size), pair(stride), pair(padding)
    n, _, h, w = input_shape
    return [n, out_channels, math.floor((h + 2 * ph - kh) / sh) + 1, math.floor((w + 2 * pw - kw) / sw) + 1]
