import { z } from "zod";
import { getLocale } from "@/i18n/server";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { ZId } from "@/server/courses/course-schemas";
import { getRegradeJob } from "@/server/regrades/get-regrade-job";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ jobId: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { jobId } = z.object({ jobId: ZId }).parse(await ctx.params);
    return Response.json(await getRegradeJob(db, { user, jobId }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
