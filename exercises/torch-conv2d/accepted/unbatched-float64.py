import torch
import torch.nn.functional as F


def conv2d_torch(input_data, weights_data, stride=1, padding=0):
    # PyTorch 1.13 accepts an unbatched (C, H, W) input; float64 throughout, returned as a tensor.
    return F.conv2d(torch.from_numpy(input_data), torch.from_numpy(weights_data), stride=stride, padding=padding)
