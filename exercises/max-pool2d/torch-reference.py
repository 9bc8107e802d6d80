# PyTorch's answer, used by tests/integration/grading-torch.test.ts to check reference.ts.
import torch
import torch.nn.functional as F


def max_pool2d(x, kernel_size, stride=None, padding=0):
    return F.max_pool2d(torch.from_numpy(x), kernel_size, stride=stride, padding=padding).numpy()
