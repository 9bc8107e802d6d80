import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await db.user.count();
    return Response.json({ ok: true });
  } catch (error) {
    return toErrorResponse(error);
  }
}
