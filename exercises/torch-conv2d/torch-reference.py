# PyTorch's answer, used by tests/integration/grading-torch.test.ts to check reference.ts.
import torch
import torch.nn.functional as F


def conv2d_torch(input_data, weights_data, stride=1, padding=0):
    return F.conv2d(torch.from_numpy(input_data)[None], torch.from_numpy(weights_data), stride=stride, padding=padding)[0].numpy()
