// Set-up check: can this machine run student code in the sandbox? Prints what to fix if not.
import { checkSandbox } from "@runner";

async function main(): Promise<void> {
  const status = await checkSandbox();
  if (!status.ok) {
    console.error(`Sandbox check failed: ${status.message}`);
    process.exit(1);
  }
  console.log("Sandbox OK: bubblewrap, python3 with numpy and seccomp, and a trial job all work.");
}

void main();
