// "Copy this case" for a submission's case: its numpy script, when the viewer may see its data.
import { z } from "zod";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { getSubmissionCaseSnippet } from "@/server/submissions/get-case-snippet";
import { ZCaseIndex } from "@/server/submissions/submission-schemas";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ submissionId: string; caseIndex: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { submissionId, caseIndex } = z.object({ submissionId: z.string().min(1).max(64) }).and(ZCaseIndex).parse(await ctx.params);
    return Response.json(await getSubmissionCaseSnippet(db, { user, submissionId, caseIndex }));
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
