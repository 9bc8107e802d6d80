// Loads @prisma/schema-engine-wasm into plain Node and maps the native binary's JSON-RPC methods
// onto it, including workarounds for where the wasm build differs from the binary.
import { readFile, rm, truncate } from "node:fs/promises";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { detectProvider, sqliteFilePath } from "./adapters.mjs";

const BG_MODULE = "@prisma/schema-engine-wasm/schema_engine_bg";

// The wasm build reports Rust panics through this global before trapping.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(message) {
    this.message = message;
  },
};

let bindingsPromise;

/** The generated bindings target bundlers (`import "*.wasm"`); Node needs explicit instantiation. */
function loadBindings() {
  bindingsPromise ??= (async () => {
    const bgUrl = import.meta.resolve(BG_MODULE);
    const bindings = await import(bgUrl);
    const bytes = await readFile(new URL("schema_engine_bg.wasm", bgUrl));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bindings;
  })();
  return bindingsPromise;
}

export async function engineVersion() {
  return (await loadBindings()).version();
}

export class PanicError extends Error {}

/**
 * One wasm engine bound to one datasource. `call` takes the binary's RPC method names;
 * `print` receives text the binary would send to the CLI as a `print` request.
 */
export class WasmSchemaEngine {
  #bindings;
  #engine;
  #connections;
  #factory;
  #datamodels;
  #url;
  #log;

  /** `connections` comes from createAdapterFactory; its closeAll is what makes shutdown clean. */
  static async create({ datamodels, url, connections, log }) {
    const self = new WasmSchemaEngine();
    self.#bindings = await loadBindings();
    self.#datamodels = datamodels;
    self.#url = url;
    self.#connections = connections;
    self.#factory = bindMigrationAwareSqlAdapterFactory(connections);
    self.#log = log;
    await self.#start();
    return self;
  }

  async #start() {
    const options = { datamodels: this.#datamodels.length > 0 ? this.#datamodels : undefined };
    this.#engine = await this.#guard(() => this.#bindings.SchemaEngine.new(options, this.#log, this.#factory));
  }

  async call(method, params, { print }) {
    switch (method) {
      case "getDatabaseVersion":
        return this.#invoke("version", params ?? null);
      case "diff": {
        const { stdout, ...rest } = await this.#invoke("diff", params);
        if (stdout) await print(stdout.replace(/\n$/, ""));
        return rest;
      }
      case "reset":
        return this.#reset(params);
      case "evaluateDataLoss":
        // Unless devDiagnostic has just replayed the same migrations, the engine's shadow-schema
        // cache misses and it fails with "<SQLite|PostgreSQL> shadow DB must be provided through
        // an external factory" (an applyMigrations in between is enough to miss).
        await this.#invoke("devDiagnostic", { migrationsList: params.migrationsList, filters: params.filters });
        return this.#invoke(method, params);
      default:
        if (typeof this.#engine[method] !== "function" || method.startsWith("_") || method === "free" || method === "constructor") {
          throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
        }
        return this.#invoke(method, params);
    }
  }

  /**
   * The wasm SQLite reset only deletes rows, so re-applying migrations then fails ("table already
   * exists" or P3005 via sqlite_sequence). Emptying the file is what the binary effectively does.
   */
  async #reset(params) {
    if (!this.#isSqlite) return this.#invoke("reset", params);
    const file = sqliteFilePath(this.#url);
    await this.#connections.closeAll();
    this.#engine.free();
    await truncate(file).catch((error) => {
      if (error.code !== "ENOENT") throw error;
    });
    await Promise.all(["-journal", "-wal", "-shm"].map((suffix) => rm(file + suffix, { force: true })));
    await this.#start();
    return {};
  }

  get #isSqlite() {
    return detectProvider(this.#url) === "sqlite";
  }

  async #invoke(method, params) {
    // Call through the instance: detached wasm-bindgen methods lose their pointer.
    const result = await this.#guard(() => this.#engine[method](params));
    return result ?? {};
  }

  async #guard(run) {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        throw new PanicError(globalThis.PRISMA_WASM_PANIC_REGISTRY.message || error.message);
      }
      throw this.#unwrapAdapterError(error);
    }
  }

  /** Adapter exceptions cross the wasm boundary as ids into the factory's error registry. */
  #unwrapAdapterError(error) {
    const id = /External error id#(\d+)/.exec(String(error?.message))?.[1];
    const original = id === undefined ? undefined : this.#factory.errorRegistry?.consumeError(Number(id))?.error;
    return original ?? error;
  }

  async close() {
    await this.#connections.closeAll();
  }
}
