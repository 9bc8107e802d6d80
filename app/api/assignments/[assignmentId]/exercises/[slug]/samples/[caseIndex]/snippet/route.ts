// "Copy this case" for a sample case: its numpy script, for whoever may run the samples.
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { getSampleCaseSnippet } from "@/server/submissions/get-case-snippet";
import { ZCaseIndex, ZRouteIds } from "@/server/submissions/submission-schemas";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ assignmentId: string; slug: string; caseIndex: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { assignmentId, slug, caseIndex } = ZRouteIds.and(ZCaseIndex).parse(await ctx.params);
    return Response.json(await getSampleCaseSnippet(db, { user, assignmentId, slug, caseIndex }));
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
