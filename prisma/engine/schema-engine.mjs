#!/usr/bin/env node
// Stand-in for Prisma's native schema-engine binary, which cannot be downloaded on our machines:
// speaks its command line and line-delimited JSON-RPC and forwards each call to the wasm engine.
import { readFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createAdapterFactory, redactUrl } from "./adapters.mjs";
import { canConnectToDatabase, createDatabase } from "./cli-commands.mjs";
import { PanicError, WasmSchemaEngine, engineVersion } from "./wasm-engine.mjs";

const SHUTDOWN_GRACE_MS = 3000;

const options = parseArguments(process.argv.slice(2));

if (options.version) {
  process.stdout.write(`schema-engine-cli ${await engineVersion()}\n`);
} else if (options.cliCommand) {
  await runCliCommand(options);
} else {
  serveJsonRpc(options);
}

function parseArguments(argv) {
  const parsed = { datamodels: [], datasource: {}, cliCommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") parsed.version = true;
    else if (arg === "--datamodels") parsed.datamodels.push(argv[++i]);
    else if (arg === "--datasource") parsed.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") parsed.cliCommand = argv[++i];
  }
  return parsed;
}

/** A log line in the binary's tracing format; the CLI parses stderr as such. */
function log(level, message, extra = {}) {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

async function runCliCommand({ cliCommand, datasource }) {
  // The CLI skips the first stderr line before parsing the error lines after it.
  log("INFO", "Starting schema engine CLI (wasm stand-in)");
  try {
    if (!datasource.url) throw new Error("No datasource URL was passed (--datasource).");
    if (cliCommand === "can-connect-to-database") await canConnectToDatabase(datasource.url);
    else if (cliCommand === "create-database") {
      const name = await createDatabase(datasource.url);
      process.stdout.write(`Database '${name}' was successfully created.\n`);
    } else throw new Error(`Unsupported cli command: ${cliCommand}`);
  } catch (error) {
    log("ERROR", error.message, prismaErrorCode(error) ? { error_code: error.code } : {});
    process.exitCode = 1;
  }
}

function prismaErrorCode(error) {
  return typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined;
}

function serveJsonRpc({ datamodels, datasource }) {
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  const pendingPrints = new Map();
  let printSequence = 0;
  let enginePromise;
  let queue = Promise.resolve();
  let shuttingDown = false;

  const print = (content) =>
    new Promise((resolve) => {
      const id = `print-${++printSequence}`;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  const getEngine = () => {
    enginePromise ??= (async () => {
      if (!datasource.url) throw new Error("No datasource URL: set DATABASE_URL (see prisma.config.ts).");
      const files = datamodels.map((file) => [file, readFileSync(path.resolve(file), "utf8")]);
      const connections = createAdapterFactory(datasource);
      const engineLog = (line) => process.stderr.write(`${line}\n`);
      return WasmSchemaEngine.create({ datamodels: files, url: datasource.url, connections, log: engineLog });
    })();
    return enginePromise;
  };

  const dispatch = async (method, params) => {
    if (method === "createDatabase") {
      const target = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : datasource.url;
      return { databaseName: await createDatabase(target) };
    }
    return (await getEngine()).call(method, params, { print });
  };

  const handle = async ({ id, method, params }) => {
    try {
      send({ jsonrpc: "2.0", id, result: await dispatch(method, params) });
    } catch (error) {
      send({ jsonrpc: "2.0", id, error: toRpcError(error, datasource.url) });
      if (error instanceof PanicError) await shutdown(101);
    }
  };

  const shutdown = async (code) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const grace = setTimeout(() => process.exit(code), SHUTDOWN_GRACE_MS);
    grace.unref();
    const engine = await enginePromise?.catch(() => undefined);
    await engine?.close();
    process.exit(code);
  };

  // The CLI ends stdin and sends SIGTERM at once; both must close SQLite (exclusive lock,
  // otherwise a zeroed -journal file stays behind).
  process.on("SIGTERM", () => shutdown(0));
  process.on("SIGINT", () => shutdown(130));

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  lines.on("close", () => queue.then(() => shutdown(0)));
}

function toRpcError(error, url) {
  const message = url ? String(error?.message ?? error).replaceAll(url, redactUrl(url)) : String(error?.message ?? error);
  if (error instanceof PanicError) {
    return { code: 4466, message, data: { is_panic: true, message, backtrace: null } };
  }
  if (error?.rpcCode) return { code: error.rpcCode, message };
  const errorCode = prismaErrorCode(error);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, ...(errorCode ? { error_code: errorCode, meta: error.meta ?? {} } : {}) },
  };
}
