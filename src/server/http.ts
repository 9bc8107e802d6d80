// Reading request bodies in route handlers: size-capped, JSON-parsed and zod-validated, so every
// bad body gets one clear message in the one error shape.
import "server-only";
import type { z } from "zod";
import { AppError } from "./errors";

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<z.infer<T>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "bodyNotUtf8");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "bodyNotJson");
  }
  return schema.parse(json);
}

function tooLarge(maxBytes: number): AppError {
  const kb = Math.round(maxBytes / 1024);
  return new AppError("payload_too_large", "bodyTooLarge", { kb });
}
