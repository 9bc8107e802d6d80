// The words for a regrade job's status, shared by the job list and the job page.
import type { instructorMessages } from "@/i18n/instructor";

export function describeRegradeStatus(status: string, t: ReturnType<typeof instructorMessages>): string {
  const labels: Record<string, string> = {
    queued: t.jobQueued,
    running: t.jobRunning,
    done: t.jobDone,
    failed: t.jobFailed,
    cancelled: t.jobCancelled,
  };
  return labels[status] ?? status;
}
