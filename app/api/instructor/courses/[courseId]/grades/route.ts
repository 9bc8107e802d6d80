import { z } from "zod";
import { getLocale } from "@/i18n/server";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { ZId } from "@/server/courses/course-schemas";
import { exportGrades, GRADES_FORMATS } from "@/server/grades/export-grades";

export const dynamic = "force-dynamic";

const ZFormat = z.enum(GRADES_FORMATS, { error: "gradesFormatUnknown" }).default("generic");

export async function GET(request: Request, ctx: { params: Promise<{ courseId: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { courseId } = z.object({ courseId: ZId }).parse(await ctx.params);
    const format = ZFormat.parse(new URL(request.url).searchParams.get("format") ?? undefined);
    const { filename, csv } = await exportGrades(db, { user, courseId, format });
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
