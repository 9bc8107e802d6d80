import { z } from "zod";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { getSubmissionView } from "@/server/submissions/get-submission-view";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ submissionId: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { submissionId } = z.object({ submissionId: z.string().min(1).max(64) }).parse(await ctx.params);
    return Response.json(await getSubmissionView(db, { user, submissionId }));
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
