import torch
import torch.nn.functional as F


def conv2d_torch(input_data, weights_data, stride=1, padding=0):
    # The notes' snippet: a batch of one, float32 input and weights, no bias.
    input_tensor = torch.tensor(input_data).unsqueeze(0).float()
    weight = torch.tensor(weights_data).float()
    output = F.conv2d(input_tensor, weight=weight, bias=None, stride=stride, padding=padding)
    return output.squeeze(0).numpy()
