import torch
import torch.nn.functional as F


def conv2d_torch(input_data, weights_data, stride=1, padding=0):
    input_tensor = torch.tensor(input_data).unsqueeze(0).float()
    output = F.conv2d(input_tensor, weight=torch.tensor(weights_data).float(), bias=None, stride=stride, padding=padding)
    return output[0][0].numpy()
