# PyTorch's answer, used by tests/integration/grading-torch.test.ts to check reference.ts.
import torch
import torch.nn.functional as F


def conv2d(features, weights, padding=0, stride=1):
    x = torch.from_numpy(features)[None]
    return F.conv2d(x, torch.from_numpy(weights), padding=padding, stride=stride)[0].numpy()
