# PyTorch's answer, used by tests/integration/grading-torch.test.ts to check reference.ts.
import torch
import torch.nn.functional as F


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    x = torch.from_numpy(img)[None, None]
    weight = torch.from_numpy(kernel)[None, None]
    return F.conv2d(x, weight, padding=tuple(padding), stride=tuple(stride))[0, 0].numpy()
