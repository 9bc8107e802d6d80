import { z } from "zod";
import { db } from "@/server/db";
import { requireUser } from "@/server/auth/current-user";
import { ZCourseCode } from "@/server/courses/course-code";
import { joinCourse } from "@/server/roster/join-course";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { readJsonBody } from "@/server/http";

const ZJoinInput = z.object({ code: ZCourseCode });

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser();
    const { code } = await readJsonBody(request, ZJoinInput);
    return Response.json(await joinCourse(db, { user, code }));
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
