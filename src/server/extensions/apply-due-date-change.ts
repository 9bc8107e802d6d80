// What follows a change of some students' own due date, inside the transaction that changes it:
// their stored Submits get the late penalty of the new date (progress, totals and exports read
// the stored scores), and the LMS is sent the new score, no earlier than the new release.
import type { TDb } from "@/server/db-client";
import { rescoreStoredSubmissions } from "@/server/grades/assignment-scoring";
import { queueAssignmentScoreSyncs } from "@/server/lti/score-sync";

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

export async function applyDueDateChange(tx: TTx, options: { assignmentId: string; userIds: string[] }): Promise<void> {
  await rescoreStoredSubmissions(tx, options);
  for (const userId of options.userIds) await queueAssignmentScoreSyncs(tx, { assignmentId: options.assignmentId, userId });
}
