import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { saveDraft } from "@/server/drafts/save-draft";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { readJsonBody } from "@/server/http";
import { MAX_WORKSPACE_BODY_BYTES, ZDraftInput, ZRouteIds } from "@/server/submissions/submission-schemas";

export async function PUT(request: Request, ctx: { params: Promise<{ assignmentId: string; slug: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const ids = ZRouteIds.parse(await ctx.params);
    const { code } = await readJsonBody(request, ZDraftInput, MAX_WORKSPACE_BODY_BYTES);
    return Response.json(await saveDraft(db, { user, ...ids, code }));
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
