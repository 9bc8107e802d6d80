// One submission for its author or the course staff. With ?wait=<status> (the status the page
// last saw) it is a long poll: the answer comes when the status changes, or after a while with
// a fresh queue position and estimate, so waiting students do not flood the server with requests.
import { z } from "zod";
import { requireRecentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/errors";
import { getLocale } from "@/i18n/server";
import { waitForSubmissionChange } from "@/server/grading-queue/wait-for-submission-change";
import { getSubmissionStatus, getSubmissionView, TAKING_LONGER_MS } from "@/server/submissions/get-submission-view";
import { IN_FLIGHT_STATUSES } from "@/server/submissions/submission-status";

export const dynamic = "force-dynamic";

/** Longest a long poll is held: short enough for proxies, long enough to cost little. */
const LONG_POLL_MS = 10_000;
/** A grading that has just started is usually done within this: answer with its verdict instead. */
const RUNNING_GRACE_MS = 1_000;

const ZQuery = z.object({ wait: z.enum(IN_FLIGHT_STATUSES).optional(), longer: z.literal("1").optional() });

export async function GET(request: Request, ctx: { params: Promise<{ submissionId: string }> }): Promise<Response> {
  try {
    const user = await requireRecentUser();
    const { submissionId } = z.object({ submissionId: z.string().min(1).max(64) }).parse(await ctx.params);
    const { wait, longer } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    // Before waiting, only the status: the full view is read once, when the answer goes out.
    const seen = wait ? await getSubmissionStatus(db, { user, submissionId }) : null;
    // `longer`: the page already says the submission is taking longer than usual; if not, that is news.
    const isNewlyLonger = seen?.isTakingLonger === true && longer === undefined;
    if (!seen || seen.status !== wait || isNewlyLonger) return Response.json(await getSubmissionView(db, { user, submissionId }));
    // A running submission's page is answered again once it may have outlived its short budget,
    // so the student learns it is taking longer than usual without waiting out a whole long poll.
    const timeoutMs = seen.status === "running" && !seen.isTakingLonger ? TAKING_LONGER_MS : LONG_POLL_MS;
    const status = await waitForSubmissionChange(db, { submissionId, fromStatus: wait, timeoutMs, signal: request.signal });
    if (status === "running") await waitForSubmissionChange(db, { submissionId, fromStatus: "running", timeoutMs: RUNNING_GRACE_MS, signal: request.signal });
    return Response.json(await getSubmissionView(db, { user, submissionId }));
  } catch (error) {
    return toErrorResponse(error, await getLocale());
  }
}
