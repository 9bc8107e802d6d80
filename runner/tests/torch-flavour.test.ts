// The torch flavour's own promises: tensors come back as arrays, everything torch initialises
// lazily already happened before the fork (so no child trips the no-threads filter), and the
// grader's case code can instantiate and call a student's nn.Module inside the sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "../src/index";
import { inFlavour, loadedCases, makeJob, ndarray, returnedValue } from "./job-helpers";

let pool: TRunner;

beforeAll(() => {
  pool = createRunner({ poolSize: 1, startFlavours: ["torch"] });
});

afterAll(async () => {
  await pool.close();
});

const runner = inFlavour(() => pool, "torch");

describe("the torch sandbox", () => {
  it("returns tensors as arrays: detached, float32 kept as the dtype, lists of tensors too", async () => {
    const source = `
import torch

def f(kind):
    x = torch.ones(2, 3, requires_grad=True) * 2
    return {"grad": x, "list": [torch.tensor(1.5), torch.tensor(2.5)], "size": x.shape}[kind]
`;
    const result = await runner.run(makeJob(source, [{ args: ["grad"] }, { args: ["list"] }, { args: ["size"] }]));
    expect(returnedValue(result, 0)).toMatchObject({ kind: "array", shape: [2, 3], dtype: "float32", pyType: "Tensor" });
    expect(returnedValue(result, 1)).toMatchObject({ kind: "array", shape: [2], data: Float64Array.of(1.5, 2.5), pyType: "list" });
    expect(returnedValue(result, 2)).toMatchObject({ kind: "array", shape: [2], data: Float64Array.of(2, 3), pyType: "Size" });
  });

  it("runs every kind of operation the exercises use in a child that may not start threads", async () => {
    const source = `
import threading
import torch
import torch.nn as nn
import torch.nn.functional as F

def f(x):
    try:
        threading.Thread(target=print).start()
        started = 1.0
    except RuntimeError:
        started = 0.0
    batch = torch.randn(32, 3, 28, 28, requires_grad=True)
    net = nn.Sequential(nn.Conv2d(3, 8, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(8 * 14 * 14, 10))
    F.log_softmax(net(batch), dim=1).sum().backward()
    single = F.conv2d(torch.from_numpy(x), torch.ones(2, 1, 2, 2, dtype=torch.float64))
    return [started, float(batch.grad.abs().sum() > 0), float(single.sum())]
`;
    const result = await runner.run(makeJob(source, [{ args: [ndarray([1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])] }]));
    expect(returnedValue(result)).toMatchObject({ kind: "array", data: Float64Array.of(0, 1, 2 * (12 + 16 + 24 + 28)) });
  });

  it("lets the grader's case code instantiate the student's nn.Module and call it", async () => {
    const source = `
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)

    def forward(self, x):
        return self.fc(x)
`;
    const driver = `
import torch

def run_case(Net, weights, x):
    model = Net()
    model.load_state_dict({"fc.weight": torch.tensor(weights).float().reshape(1, 2), "fc.bias": torch.zeros(1)}, strict=True)
    model.eval()
    return model(torch.tensor(x).float())
`;
    const job = { ...makeJob(source, [{ args: [ndarray([2], [1, 2]), ndarray([1, 2], [3, 4])] }]), functionName: "Net" };
    const result = await runner.run({ ...job, driver: { source: driver, functionName: "run_case" } });
    expect(returnedValue(result)).toMatchObject({ kind: "array", shape: [1, 1], data: Float64Array.of(11) });
  });

  it("reports the student's error inside forward with the student's line, not the grader's", async () => {
    const source = "import torch.nn as nn\n\nclass Net(nn.Module):\n    def forward(self, x):\n        return x @ x\n";
    const driver = "import torch\n\ndef run_case(Net):\n    return Net()(torch.ones(2, 3))\n";
    const result = await runner.run({ ...makeJob(source), functionName: "Net", driver: { source: driver, functionName: "run_case" } });
    const outcome = loadedCases(result)[0]!;
    expect(outcome.status === "raised" && outcome.error).toMatchObject({ type: "RuntimeError", line: 5 });
  });
});
