// The tool's public keys, for platforms verifying its client assertions and deep-linking responses.
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { listPublicJwks } from "@/server/lti/tool-keys";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json(await listPublicJwks(db), { headers: { "cache-control": "public, max-age=300" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
