# PyTorch autograd's answer, used by tests/integration/grading-torch.test.ts to check reference.ts.
import torch
import torch.nn.functional as F


def conv2d_backward(dout, features, weights, padding=0, stride=1):
    x = torch.from_numpy(features).requires_grad_()
    w = torch.from_numpy(weights).requires_grad_()
    F.conv2d(x[None], w, padding=padding, stride=stride)[0].backward(torch.from_numpy(dout))
    return x.grad.numpy(), w.grad.numpy()
