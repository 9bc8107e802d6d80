// better-auth's endpoints behind the same gate as ours: a state-changing request must be
// same-origin JSON, its body is read capped from the stream (better-auth itself would buffer any
// size) and handed on as a new Request; errors leave in the one error shape.
import { toNextJsHandler } from "better-auth/next-js";
import { getLocale } from "@/i18n/server";
import { auth } from "@/server/auth/auth";
import { toErrorResponse } from "@/server/errors";
import { parseJsonBytes, readBodyCapped } from "@/server/http";
import { assertSameOriginJsonRequest } from "@/server/request-origin";

/** Sign-up, sign-in and profile bodies are a few hundred bytes. */
const AUTH_MAX_BODY_BYTES = 16 * 1024;

const handlers = toNextJsHandler(auth);

export async function GET(request: Request): Promise<Response> {
  try {
    return await handlers.GET(request);
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOriginJsonRequest(request);
    const bytes = await readBodyCapped(request, AUTH_MAX_BODY_BYTES);
    if (bytes.byteLength > 0) parseJsonBytes(bytes);
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    const capped = new Request(request.url, { method: "POST", headers, body: bytes.byteLength > 0 ? bytes : null, signal: request.signal });
    return await handlers.POST(capped);
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
