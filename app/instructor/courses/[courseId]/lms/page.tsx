// The LMS page of a course: "Sync roster now", and the grade sync, each student's state per
// linked assignment, with resend buttons.
import { RosterSyncForm } from "@/components/lti/roster-sync-form";
import { format } from "@/i18n";
import { ltiMessages } from "@/i18n/lti";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listScoreSyncs, type TScoreSyncRow } from "@/server/lti/list-score-syncs";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { resendLtiScoresAction, syncLtiRosterAction } from "../../../actions";

export async function generateMetadata() {
  return { title: ltiMessages(await getLocale()).lmsTitle };
}

export default async function LmsSyncPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await readPageParams(params);
  const user = await requireUserForPage(`/instructor/courses/${courseId}/lms`);
  const links = await orNotFound(listScoreSyncs(db, { user, courseId }));
  const t = ltiMessages(await getLocale());
  const stateText = (row: TScoreSyncRow) =>
    row.status === "sent" ? t.syncSent : row.status === "pending" ? format(t.syncPending, { attempts: row.attempts + 1 }) : row.status === "failed" ? format(t.syncFailed, { error: row.lastError ?? "" }) : t.syncNever;
  return (
    <section aria-labelledby="lms-heading" className="flex flex-col gap-3">
      <h1 id="lms-heading" className="text-xl font-semibold">
        {t.lmsTitle}
      </h1>
      <h2 className="font-semibold">{t.rosterTitle}</h2>
      <p className="text-sm text-slate-700">{t.rosterIntro}</p>
      <RosterSyncForm courseId={courseId} action={syncLtiRosterAction} />
      <h2 className="font-semibold">{t.syncTitle}</h2>
      <p className="text-sm text-slate-700">{t.syncIntro}</p>
      {links.length === 0 ? <p>{t.syncNoLinks}</p> : null}
      {links.map((link) => (
        <div key={link.ltiResourceLinkId} className="flex flex-col gap-2">
          <h3 className="font-semibold">{link.assignmentTitle}</h3>
          <form action={resendLtiScoresAction}>
            <input type="hidden" name="courseId" value={courseId} />
            <input type="hidden" name="ltiResourceLinkId" value={link.ltiResourceLinkId} />
            <button type="submit" className="rounded border px-2 py-1 text-sm">
              {t.syncResendAll}
            </button>
          </form>
          <table className="text-sm">
            <thead>
              <tr>
                <th className="text-left">{t.syncStudent}</th>
                <th className="text-left">{t.syncScore}</th>
                <th className="text-left">{t.syncState}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {link.rows.map((row) => (
                <tr key={row.userId} data-status={row.status}>
                  <td>{row.name}</td>
                  <td>{row.scoreGiven === null ? "—" : `${row.scoreGiven} / ${row.scoreMaximum}`}</td>
                  <td>{stateText(row)}</td>
                  <td>
                    <form action={resendLtiScoresAction}>
                      <input type="hidden" name="courseId" value={courseId} />
                      <input type="hidden" name="ltiResourceLinkId" value={link.ltiResourceLinkId} />
                      <input type="hidden" name="userId" value={row.userId} />
                      <button type="submit" className="rounded border px-2 py-1" aria-label={`${t.syncResend}: ${row.name}`}>
                        {t.syncResend}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
