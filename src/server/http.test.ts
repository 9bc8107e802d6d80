import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { readBodyCapped, readJsonBody } from "./http";

/** A request whose body is produced on demand, counting how much of it the server pulled. */
function streamingRequest(totalBytes: number, chunkBytes = 64 * 1024, extraHeaders: Record<string, string> = {}): { request: Request; pulled: () => number; cancelled: () => boolean } {
  let produced = 0;
  let wasCancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - produced);
      produced += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      wasCancelled = true;
    },
  }, { highWaterMark: 0 });
  const request = new Request("http://localhost:3000/api/x", {
    method: "POST",
    headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json", ...extraHeaders },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => produced, cancelled: () => wasCancelled };
}

describe("readBodyCapped", () => {
  it("stops pulling and cancels the stream just past the cap of an endless body", async () => {
    const { request, pulled, cancelled } = streamingRequest(200 * 1024 * 1024);
    const error = await readBodyCapped(request, 16 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
    expect(cancelled()).toBe(true);
  });

  it("refuses a declared length over the cap before reading anything", async () => {
    const { request, pulled } = streamingRequest(1024 * 1024, 64 * 1024, { "content-length": String(1024 * 1024) });
    await expect(readBodyCapped(request, 16 * 1024)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled()).toBe(0);
  });

  it("returns a body within the cap whole, across chunks", async () => {
    const { request } = streamingRequest(40_000, 1000);
    expect((await readBodyCapped(request, 40_000)).byteLength).toBe(40_000);
  });
});

describe("readJsonBody", () => {
  it("checks the origin and type first, then parses and validates", async () => {
    const ok = new Request("http://localhost:3000/api/x", { method: "POST", headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json" }, body: '{"code":"ABC"}' });
    expect(await readJsonBody(ok, z.object({ code: z.string() }))).toEqual({ code: "ABC" });
    const foreign = new Request("http://localhost:3000/api/x", { method: "POST", headers: { host: "localhost:3000", origin: "https://evil.example", "content-type": "application/json" }, body: '{"code":"ABC"}' });
    await expect(readJsonBody(foreign, z.object({ code: z.string() }))).rejects.toMatchObject({ code: "forbidden" });
  });
});
