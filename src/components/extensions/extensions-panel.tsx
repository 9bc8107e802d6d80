"use client";
// An assignment's extensions and exceptions: the list for all staff, and for instructors the form
// that grants them to one or many students and a Remove button per student.
import { useId } from "react";
import { useLocale } from "@/components/layout/locale-provider";
import { ActionResult } from "@/components/ui/action-result";
import { PendingButton } from "@/components/ui/pending-button";
import { TextField } from "@/components/ui/text-field";
import { useFormAction, type TFormAction } from "@/components/ui/use-form-action";
import { format } from "@/i18n";
import { extensionMessages } from "@/i18n/extensions";
import { formatDeadline } from "@/i18n/format-time";
import type { TExtensionRow } from "@/server/extensions/list-extensions";

type TMessages = ReturnType<typeof extensionMessages>;

function statusLabel(row: TExtensionRow, t: TMessages): string {
  if (row.extended && row.excused) return t.statusExtendedExcused;
  return row.excused ? t.statusExcused : t.statusExtended;
}

function GrantForm({ courseId, assignmentId, timeZone, action }: { courseId: string; assignmentId: string; timeZone: string; action: TFormAction }) {
  const t = extensionMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-label={t.grant}>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-emails`} className="text-sm font-medium text-slate-800">
          {t.emails}
        </label>
        <textarea
          id={`${id}-emails`}
          name="emails"
          rows={2}
          aria-describedby={`${id}-emails-hint`}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-blue-700"
        />
        <p id={`${id}-emails-hint`} className="text-xs text-slate-600">
          {t.emailsHint}
        </p>
      </div>
      <div className="flex flex-wrap gap-4">
        <TextField id={`${id}-due`} name="dueAt" type="datetime-local" label={format(t.newDueAt, { timeZone })} />
        <TextField id={`${id}-hours`} name="extraHours" type="number" min={1} step={1} label={t.extraHours} hint={t.extraHoursHint} />
      </div>
      <div className="flex items-center gap-2">
        <input id={`${id}-excused`} name="excused" type="checkbox" />
        <label htmlFor={`${id}-excused`} className="text-sm text-slate-800">
          {t.excused}
        </label>
      </div>
      <TextField id={`${id}-reason`} name="reason" label={t.reason} maxLength={500} autoComplete="off" />
      <ActionResult state={state} />
      <div>
        <PendingButton isPending={isPending} pendingLabel={t.granting}>
          {t.grant}
        </PendingButton>
      </div>
    </form>
  );
}

function RemoveForm({ courseId, assignmentId, row, action }: { courseId: string; assignmentId: string; row: TExtensionRow; action: TFormAction }) {
  const t = extensionMessages(useLocale());
  const { state, onSubmit, isPending } = useFormAction(action, { confirm: t.removeConfirm });
  return (
    <form onSubmit={onSubmit} aria-label={format(t.removeFor, { name: row.name })}>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="userId" value={row.userId} />
      <PendingButton isPending={isPending} pendingLabel={t.removing} variant="danger">
        {t.remove}
      </PendingButton>
      <ActionResult state={state} />
    </form>
  );
}

export function ExtensionsPanel({
  courseId,
  assignmentId,
  timeZone,
  rows,
  actions,
}: {
  courseId: string;
  assignmentId: string;
  timeZone: string;
  rows: TExtensionRow[];
  /** absent for TAs, who read the list only */
  actions: { grant: TFormAction; remove: TFormAction } | null;
}) {
  const locale = useLocale();
  const t = extensionMessages(locale);
  return (
    <section aria-labelledby="extensions-heading" className="flex flex-col gap-3 rounded-md border border-slate-300 p-4">
      <h2 id="extensions-heading" className="text-lg font-semibold">
        {t.heading}
      </h2>
      <p className="text-sm text-slate-700">{t.intro}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t.none}</p>
      ) : (
        <table className="text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4">
                {t.student}
              </th>
              <th scope="col" className="pr-4">
                {t.dueAt}
              </th>
              <th scope="col" className="pr-4">
                {t.status}
              </th>
              <th scope="col" className="pr-4">
                {t.reason}
              </th>
              <th scope="col" className="pr-4">
                {t.grantedBy}
              </th>
              {actions ? <td /> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.userId} data-testid="extension-row">
                <td className="pr-4">
                  {row.name} <span className="text-slate-600">{row.email}</span>
                </td>
                <td className="pr-4">{formatDeadline(row.dueAt, timeZone, locale)}</td>
                <td className="pr-4">{statusLabel(row, t)}</td>
                <td className="pr-4">{row.reason ?? ""}</td>
                <td className="pr-4">{row.grantedBy}</td>
                {actions ? (
                  <td>
                    <RemoveForm courseId={courseId} assignmentId={assignmentId} row={row} action={actions.remove} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions ? (
        <GrantForm courseId={courseId} assignmentId={assignmentId} timeZone={timeZone} action={actions.grant} />
      ) : (
        <p className="text-sm text-slate-700">{t.readOnly}</p>
      )}
    </section>
  );
}
