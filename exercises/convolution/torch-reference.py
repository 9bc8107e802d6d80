# PyTorch's answer, used by tests/integration/grading-torch.test.ts to check reference.ts.
import torch
import torch.nn.functional as F


def convolution(img, kernel, padding=1, stride=1):
    x = torch.from_numpy(img)[None, None]
    weight = torch.from_numpy(kernel)[None, None]
    return F.conv2d(x, weight, padding=padding, stride=stride)[0, 0].numpy()
