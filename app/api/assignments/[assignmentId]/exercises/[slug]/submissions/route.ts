import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { getGradingService } from "@/server/grading/grading-service";
import { readJsonBody } from "@/server/http";
import { createSubmission } from "@/server/submissions/create-submission";
import { MAX_WORKSPACE_BODY_BYTES, ZRouteIds, ZSubmitInput } from "@/server/submissions/submission-schemas";

export async function POST(request: Request, ctx: { params: Promise<{ assignmentId: string; slug: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const ids = ZRouteIds.parse(await ctx.params);
    const body = await readJsonBody(request, ZSubmitInput, MAX_WORKSPACE_BODY_BYTES);
    const created = await createSubmission(db, { user, ...ids, ...body });
    (await getGradingService()).queue.wake();
    return Response.json(created, { status: created.duplicate ? 200 : 202 });
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
