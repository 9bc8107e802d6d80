import { z } from "zod";
import { getLocale } from "@/i18n/server";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { ZId } from "@/server/courses/course-schemas";
import { exportGrades } from "@/server/grades/export-grades";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ courseId: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { courseId } = z.object({ courseId: ZId }).parse(await ctx.params);
    const { filename, csv } = await exportGrades(db, { user, courseId });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
