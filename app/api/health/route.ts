// Liveness and grading metrics: 200 while the database answers, 503 otherwise. Everyone gets
// { ok, grading: { status } } ("stalled": submissions wait and no grader is alive), enough for a
// load balancer. The operator's figures (queue depth, graders, gradings per minute, p50/p95
// submit-to-verdict) need an admin's session or "Authorization: Bearer $CONVLAB_METRICS_TOKEN".
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { readEnv } from "@/server/env";
import { AppError, toAppError, toErrorResponse } from "@/server/errors";
import { getGradingService } from "@/server/grading-queue/grading-service";
import { readGradingHealth } from "@/server/grading-queue/read-grading-health";
import { canReadOperatorMetrics, isMetricsTokenValid } from "@/server/permissions/operator-permissions";

export const dynamic = "force-dynamic";

/** The bearer token of the request, null without an Authorization header. */
function readBearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (header === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("bad_request", "authorizationHeaderMalformed");
  return match[1]!;
}

export async function GET(request: Request): Promise<Response> {
  let configuredToken: string | undefined;
  let presentedToken: string | null;
  try {
    configuredToken = readEnv().CONVLAB_METRICS_TOKEN;
    presentedToken = readBearerToken(request);
    // A wrong token is an error, not a quiet downgrade: a monitoring system must notice it.
    if (presentedToken !== null && !isMetricsTokenValid(presentedToken, configuredToken)) {
      throw new AppError("unauthenticated", "metricsTokenInvalid");
    }
  } catch (error) {
    return toErrorResponse(error);
  }
  try {
    const grading = await getGradingService();
    const report = await readGradingHealth(db, { config: grading.config, local: grading.localGraderState() });
    const user = presentedToken === null ? await getCurrentUser() : null;
    if (!canReadOperatorMetrics(user, { presentedToken, configuredToken })) {
      return Response.json({ ok: true, grading: { status: report.status } });
    }
    return Response.json({ ok: true, database: grading.config.isPostgres ? "postgresql" : "sqlite", grading: report });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ ok: false, error: { code: appError.code, message: appError.message } }, { status: 503 });
  }
}
