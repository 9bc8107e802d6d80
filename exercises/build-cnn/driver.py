"""The grader's case code for build-cnn, run inside the sandbox after the student's file: it builds
the student's ConvNet, loads the grader's float32 weights (strict), switches to eval() and answers
one question per case: the logits of a batch, the parameter count, or the shape after each layer.
"""

import torch
from torch.overrides import TorchFunctionMode

# The operations that change a shape, in the table's first column (src/grading/layer-shapes.ts LAYER_KIND); ReLU and softmax keep the shape
# (so "pool, then ReLU" gives the same table as "ReLU, then pool").
LAYER_CODES = {"conv2d": 1, "max_pool2d": 2, "_max_pool2d": 2, "flatten": 3, "view": 3, "reshape": 3, "linear": 4}
FLATTENING = 3


class LayerShapes(TorchFunctionMode):
    """Records [code, N, C, H, W] (2-D outputs: [code, N, F, 0, 0]) for every shape-changing call,
    whether written as an nn layer, an F function or a tensor method."""

    def __init__(self):
        super().__init__()
        self.rows = []

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        code = LAYER_CODES.get(getattr(func, "__name__", ""))
        if code is not None and isinstance(out, torch.Tensor) and (code != FLATTENING or out.dim() == 2):
            shape = list(out.shape)[:4]
            self.rows.append([code, *shape, *[0] * (4 - len(shape))])
        return out


def build(ConvNet, state):
    model = ConvNet()
    model.load_state_dict({name: torch.from_numpy(array).float() for name, array in state.items()}, strict=True)
    return model.eval()


def run_case(ConvNet, kind, state, x):
    model = build(ConvNet, state)
    if kind == "parameters":
        return sum(parameter.numel() for parameter in model.parameters())
    batch = torch.from_numpy(x).float()
    if kind == "forward":
        with torch.no_grad():
            return model(batch)
    shapes = LayerShapes()
    try:
        with torch.no_grad(), shapes:
            model(batch)
    except Exception:
        pass  # the table up to the failing layer is what this case shows; the forward cases report the error
    return shapes.rows
