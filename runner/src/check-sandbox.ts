// A quick end-to-end check for setup scripts and operators: a fresh sandbox runs a trivial job.
import { DEFAULT_LIMITS, createRunner } from "./create-runner";
import type { TSandboxFlavour } from "./types";

// The torch check goes through torch itself, so a broken torch install is named here too.
const CHECK_SOURCE: Record<TSandboxFlavour, string> = {
  numpy: "def double(x):\n    return x * 2\n",
  torch: "import torch\n\ndef double(x):\n    return torch.from_numpy(x) * 2\n",
};

export async function checkSandbox(flavour: TSandboxFlavour = "numpy"): Promise<{ ok: true } | { ok: false; message: string }> {
  const runner = createRunner({ mode: "cold", poolSize: 1 });
  try {
    const result = await runner.run({
      source: CHECK_SOURCE[flavour],
      functionName: "double",
      sandbox: flavour,
      cases: [{ args: [{ kind: "ndarray", shape: [2], data: Float64Array.of(1.5, -2) }] }],
      // generous: a setup script may run this on a busy machine
      limits: { ...DEFAULT_LIMITS, wallSeconds: 60 },
    });
    if (!result.gradable) return { ok: false, message: result.operatorMessage };
    const outcome = result.cases[0];
    const value = outcome?.status === "returned" ? outcome.value : null;
    if (value?.kind === "array" && value.data[0] === 3 && value.data[1] === -4) return { ok: true };
    return { ok: false, message: `a trivial job in the sandbox gave an unexpected result: ${JSON.stringify({ load: result.load, outcome })}` };
  } finally {
    await runner.close();
  }
}
