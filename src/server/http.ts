// Reading request bodies in route handlers: only from same-origin JSON requests, read from the
// stream up to a cap (a longer body is refused without reading the rest, so no body can fill the
// server's memory), JSON-parsed and zod-validated, so every bad body gets one clear message in the
// one error shape.
import "server-only";
import type { z } from "zod";
import { AppError } from "./errors";
import { assertSameOriginJsonRequest } from "./request-origin";

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/**
 * The body's bytes, at most maxBytes of them. Past the cap the stream is cancelled, not drained:
 * the 413 goes out at once and the rest of the upload is discarded by the HTTP server, never held.
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Parses capped bytes as JSON: the body must be UTF-8 text holding one JSON value. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "bodyNotUtf8");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "bodyNotJson");
  }
}

export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<z.infer<T>> {
  assertSameOriginJsonRequest(request);
  return schema.parse(parseJsonBytes(await readBodyCapped(request, maxBytes)));
}

function tooLarge(maxBytes: number): AppError {
  const kb = Math.round(maxBytes / 1024);
  return new AppError("payload_too_large", "bodyTooLarge", { kb });
}
