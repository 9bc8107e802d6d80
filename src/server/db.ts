// The database client of Next.js server code: one per process.
import "server-only";
import { createPrismaClient, type TDb } from "./db-client";

// On globalThis, not in a module variable: dev hot reloads re-evaluate this module, and Next.js
// bundles route handlers and instrumentation separately, each of which would open a connection.
const globalKey = Symbol.for("convlab.db");
type TGlobal = typeof globalThis & { [globalKey]?: TDb };

export const db: TDb = ((globalThis as TGlobal)[globalKey] ??= createPrismaClient());
