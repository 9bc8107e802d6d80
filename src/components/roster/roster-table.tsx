"use client";
// The course's people with their roles; instructors change roles, remove students and add
// removed students back, one small form per person and action.
import { useLocale } from "@/components/layout/locale-provider";
import { LocalTime } from "@/components/workspace/local-time";
import { format } from "@/i18n";
import { instructorMessages } from "@/i18n/instructor";
import type { TRosterEntry } from "@/server/roster/list-roster";
import type { TCourseRole } from "@/server/permissions/roles";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";

type TMessages = ReturnType<typeof instructorMessages>;

export interface TRosterActions {
  changeRole: TFormAction;
  remove: TFormAction;
  restore: TFormAction;
}

function roleLabel(role: TCourseRole, t: TMessages): string {
  return { student: t.roleStudent, ta: t.roleTa, instructor: t.roleInstructor }[role];
}

function RoleForm({ courseId, entry, action }: { courseId: string; entry: TRosterEntry; action: TFormAction }) {
  const t = instructorMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action);
  const selectId = `role-${entry.userId}`;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="userId" value={entry.userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          {format(t.roleFor, { name: entry.name })}
        </label>
        <select id={selectId} name="role" defaultValue={entry.role} className="rounded border border-slate-400 bg-white px-2 py-1">
          {(["student", "ta", "instructor"] as const).map((role) => (
            <option key={role} value={role}>
              {roleLabel(role, t)}
            </option>
          ))}
        </select>
        <PendingButton isPending={isPending} pendingLabel={t.saving} variant="secondary">
          {t.changeRole}
        </PendingButton>
      </div>
      <ActionResult state={state} />
    </form>
  );
}

function PersonActionForm({
  courseId,
  entry,
  action,
  label,
  confirm,
  variant,
}: {
  courseId: string;
  entry: TRosterEntry;
  action: TFormAction;
  label: string;
  confirm?: string;
  variant: "secondary" | "danger";
}) {
  const t = instructorMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action, { confirm });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="userId" value={entry.userId} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.saving} variant={variant}>
          <span aria-hidden="true">{label}</span>
          <span className="sr-only">{`${label}: ${entry.name}`}</span>
        </PendingButton>
      </div>
      <ActionResult state={state} />
    </form>
  );
}

export function RosterTable({ courseId, entries, actions }: { courseId: string; entries: TRosterEntry[]; actions: TRosterActions }) {
  const t = instructorMessages(useLocale());
  return (
    <table className="w-full border-collapse bg-white text-left text-sm" data-testid="roster">
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">{t.name}</th>
          <th scope="col" className="p-2">{t.email}</th>
          <th scope="col" className="p-2">{t.role}</th>
          <th scope="col" className="p-2">{t.status}</th>
          <th scope="col" className="p-2">{t.joined}</th>
          <th scope="col" className="p-2">{t.actions}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.userId} className={`border-b border-slate-200 align-top ${entry.removedAt ? "text-slate-600" : ""}`}>
            <th scope="row" className="p-2 font-medium">
              {entry.name}
            </th>
            <td className="p-2">{entry.email}</td>
            <td className="p-2">{entry.can.changeRole ? <RoleForm courseId={courseId} entry={entry} action={actions.changeRole} /> : roleLabel(entry.role, t)}</td>
            <td className="p-2">{entry.removedAt ? t.removed : t.active}</td>
            <td className="p-2">
              <LocalTime iso={entry.joinedAt} />
            </td>
            <td className="p-2">
              {entry.can.remove ? (
                <PersonActionForm
                  courseId={courseId}
                  entry={entry}
                  action={actions.remove}
                  label={t.remove}
                  confirm={format(t.removeConfirm, { name: entry.name })}
                  variant="danger"
                />
              ) : null}
              {entry.can.restore ? <PersonActionForm courseId={courseId} entry={entry} action={actions.restore} label={t.restore} variant="secondary" /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
