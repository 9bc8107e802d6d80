// The process-wide runner pool and grading queue. Kept on globalThis because Next.js bundles
// instrumentation and route handlers separately: a module-level variable would exist twice.
import { createRunner, type TRunner } from "@runner";
import { createPrismaClient, type TDb } from "@/server/db-client";
import { GradingQueue } from "./grading-queue";

interface TGradingService {
  runner: TRunner;
  queue: GradingQueue;
}

const globalKey = Symbol.for("convlab.grading-service");
type TGlobal = typeof globalThis & { [globalKey]?: Promise<TGradingService> };

function readPoolSize(): number {
  const fromEnv = Number(process.env.RUNNER_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 2;
}

/** Starts the pool and the queue once per process; later calls return the same service. */
export function getGradingService(db?: TDb): Promise<TGradingService> {
  const g = globalThis as TGlobal;
  g[globalKey] ??= (async () => {
    const poolSize = readPoolSize();
    const runner = createRunner({ poolSize });
    const queue = new GradingQueue({ db: db ?? createPrismaClient(), runner, concurrency: poolSize });
    await queue.start();
    return { runner, queue };
  })();
  return g[globalKey];
}
