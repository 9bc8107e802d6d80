import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { getGradingService } from "@/server/grading-queue/grading-service";
import { readJsonBody } from "@/server/http";
import { runSamples } from "@/server/submissions/run-samples";
import { MAX_WORKSPACE_BODY_BYTES, ZRouteIds, ZRunInput } from "@/server/submissions/submission-schemas";

export async function POST(request: Request, ctx: { params: Promise<{ assignmentId: string; slug: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const ids = ZRouteIds.parse(await ctx.params);
    const { code } = await readJsonBody(request, ZRunInput, MAX_WORKSPACE_BODY_BYTES);
    const { runner, config } = await getGradingService();
    return Response.json(await runSamples(db, { user, ...ids, code, runner, poolSize: config.poolSize }));
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
