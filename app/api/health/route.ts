// Liveness and grading metrics: 200 with the figures while the database answers, 503 otherwise.
// "status": "stalled" in the grading part means submissions wait and no grader is alive.
import { db } from "@/server/db";
import { toAppError } from "@/server/errors";
import { getGradingService } from "@/server/grading/grading-service";
import { readGradingHealth } from "@/server/grading/read-grading-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const grading = await getGradingService();
    const report = await readGradingHealth(db, { config: grading.config, local: grading.localGraderState() });
    return Response.json({ ok: true, database: grading.config.isPostgres ? "postgresql" : "sqlite", grading: report });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ ok: false, error: { code: appError.code, message: appError.message } }, { status: 503 });
  }
}
