import { requireRecentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { getGradingService } from "@/server/grading-queue/grading-service";
import { log } from "@/server/log";
import { readJsonBody } from "@/server/http";
import { createSubmission } from "@/server/submissions/create-submission";
import { MAX_WORKSPACE_BODY_BYTES, ZRouteIds, ZSubmitInput } from "@/server/submissions/submission-schemas";

export async function POST(request: Request, ctx: { params: Promise<{ assignmentId: string; slug: string }> }): Promise<Response> {
  try {
    const user = await requireRecentUser();
    const ids = ZRouteIds.parse(await ctx.params);
    const body = await readJsonBody(request, ZSubmitInput, MAX_WORKSPACE_BODY_BYTES);
    const grading = await getGradingService();
    const created = await createSubmission(db, { user, ...ids, ...body, maxQueued: grading.config.maxQueued });
    if (!created.duplicate) {
      // The submission is stored: if announcing it fails, the poll (SQLite) or the reconciler (pg-boss) still finds it.
      await grading.notifySubmitted({ id: created.id, userId: user.id }).catch((error: unknown) => {
        log("grading", "error", "could not announce a stored submission", { submissionId: created.id, error: String(error) });
      });
    }
    return Response.json(created, { status: created.duplicate ? 200 : 202 });
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
