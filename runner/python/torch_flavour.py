"""The torch flavour of the zygote: imports torch once and does, before any child is forked,
everything torch would otherwise do lazily at a student's first operation and that the child's
seccomp filter forbids (creating OpenMP / intra-op / inter-op threads) or the sandbox cannot serve
(no /proc or /sys: torch's CPU probe falls back quietly). CUDA is never probed.
"""

import torch
import torch.nn.functional as F

# The child's address space holds torch's libraries (about 650 MB mapped after import and warm-up,
# measured with torch 1.13); a job's memoryMb is granted on top of this, like numpy's ~50 MB is not.
ADDRESS_SPACE_BASE_MB = 1024


def warm_up():
    # Pools first: once an operation has run, the thread counts can no longer be changed.
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    # One of each kind of kernel the exercises use, forward and backward, so that every
    # once-only initialisation (oneDNN primitives, the autograd engine) has happened here.
    x = torch.zeros(2, 2, 12, 12, requires_grad=True)
    w = torch.zeros(3, 2, 3, 3, requires_grad=True)
    y = F.max_pool2d(F.relu(F.conv2d(x, w, padding=1, stride=1)), 2)
    z = F.linear(torch.flatten(y, 1), torch.zeros(4, 3 * 6 * 6))
    F.softmax(z, dim=1).sum().backward()
    torch.nn.Sequential(torch.nn.Conv2d(1, 1, 3), torch.nn.Flatten()).eval()(torch.zeros(1, 1, 4, 4))
    F.conv2d(torch.zeros(1, 4, 4, dtype=torch.float64), torch.zeros(1, 1, 3, 3, dtype=torch.float64))
    # a batch large enough for the NNPACK path, whose thread pool is otherwise made on first use
    F.conv2d(torch.zeros(16, 1, 8, 8), torch.zeros(2, 1, 3, 3), padding=1)
    torch.manual_seed(0)
    return torch.__version__
