import torch
import torch.nn.functional as F


def conv2d_torch(input_data, weights_data, stride=1, padding=0):
    input_tensor = torch.tensor(input_data).unsqueeze(0).float()
    weight = torch.tensor(weights_data).float().transpose(0, 1)
    output = F.conv2d(input_tensor, weight=weight, bias=None, stride=stride, padding=padding)
    return output.squeeze(0).numpy()
