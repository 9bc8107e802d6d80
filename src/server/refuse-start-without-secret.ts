// Run by instrumentation.ts when the Node.js server starts. Next.js only logs an error thrown by the
// start hook and goes on serving, so a server without a proper auth secret stops here itself.
import { readAuthSecret } from "./env";

export function refuseStartWithoutSecret(): void {
  try {
    readAuthSecret();
  } catch (error) {
    console.error(`ConvLab cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
