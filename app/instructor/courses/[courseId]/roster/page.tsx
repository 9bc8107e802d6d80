import { RosterTable } from "@/components/roster/roster-table";
import { instructorMessages } from "@/i18n/instructor";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listRoster } from "@/server/roster/list-roster";
import { orNotFound, readPageParams } from "@/server/permissions/page-guards";
import { changeRoleAction, removeStudentAction, restoreStudentAction } from "../../../actions";

export async function generateMetadata() {
  return { title: instructorMessages(await getLocale()).rosterTitle };
}

export default async function RosterPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await readPageParams(params);
  const user = await requireUserForPage(`/instructor/courses/${courseId}/roster`);
  const roster = await orNotFound(listRoster(db, { user, courseId }));
  const t = instructorMessages(await getLocale());
  const canChangeAnything = roster.some((entry) => entry.can.changeRole || entry.can.remove || entry.can.restore);
  return (
    <section aria-labelledby="roster-heading" className="flex flex-col gap-3">
      <h1 id="roster-heading" className="text-xl font-semibold">
        {t.rosterTitle}
      </h1>
      {canChangeAnything ? null : <p className="text-sm text-slate-700">{t.rosterViewOnly}</p>}
      <div className="overflow-x-auto">
        <RosterTable courseId={courseId} entries={roster} actions={{ changeRole: changeRoleAction, remove: removeStudentAction, restore: restoreStudentAction }} />
      </div>
    </section>
  );
}
