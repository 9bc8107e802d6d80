# PyTorch's answer, used by tests/integration/grading-torch.test.ts to check reference.ts.
# The meta device computes shapes without allocating or computing anything.
import torch
import torch.nn.functional as F


def conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    x = torch.empty(tuple(input_shape), device="meta")
    weight = torch.empty((out_channels, input_shape[1], kh, kw), device="meta")
    return tuple(F.conv2d(x, weight, stride=stride, padding=padding).shape)
