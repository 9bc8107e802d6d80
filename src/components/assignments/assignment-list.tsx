// The student's assignments with each exercise's status, best score and attempts.
import Link from "next/link";
import { format, type TLocale } from "@/i18n";
import { exerciseTitle } from "@/i18n/exercise-title";
import { formatDeadline, formatTimeLeft } from "@/i18n/format-time";
import { homeMessages } from "@/i18n/home";
import type { TAssignmentSummary, TExerciseStatus } from "@/server/assignments/list-student-assignments";
import type { TReleaseWait } from "@/server/assignments/release";

const STATUS_STYLE: Record<TExerciseStatus, string> = {
  "not-started": "bg-slate-100 text-slate-800",
  "in-progress": "bg-amber-100 text-amber-900",
  submitted: "bg-blue-100 text-blue-900",
  passed: "bg-green-100 text-green-900",
};

export function AssignmentList({ assignments, locale }: { assignments: TAssignmentSummary[]; locale: TLocale }) {
  const t = homeMessages(locale);
  const statusLabel: Record<TExerciseStatus, string> = { "not-started": t.notStarted, "in-progress": t.inProgress, submitted: t.submitted, passed: t.passed };
  if (assignments.length === 0) return <p className="text-slate-700">{t.noAssignments}</p>;
  return (
    <div className="flex flex-col gap-6">
      {assignments.map((a) => {
        const headingId = `assignment-${a.id}`;
        return (
          <section key={a.id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="assignment">
            <h3 id={headingId} className="text-lg font-semibold">
              {a.title}
            </h3>
            <p className="text-sm text-slate-700">
              {a.courseTitle} · {format(t.due, { date: formatDeadline(a.dueAt, a.timeZone, locale) })} ·{" "}
              {a.msLeft > 0 ? format(t.timeLeft, { left: formatTimeLeft(a.msLeft, locale) }) : t.closed}
              {a.allowLate ? ` (${t.lateAllowed})` : ""}
            </p>
            <table className="mt-3 w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-2">{t.exercise}</th>
                  <th scope="col" className="py-2 pr-2">{t.status}</th>
                  <th scope="col" className="py-2 pr-2">{t.bestScore}</th>
                  <th scope="col" className="py-2">{t.attempts}</th>
                </tr>
              </thead>
              <tbody>
                {a.exercises.map((e) => (
                  <tr key={e.slug} className="border-b border-slate-100" data-testid={`exercise-row-${e.slug}`}>
                    <td className="py-2 pr-2">
                      <Link href={`/assignments/${a.id}/${e.slug}`} className="font-medium text-blue-800 underline">
                        {exerciseTitle(e, locale)}
                      </Link>
                    </td>
                    <td className="py-2 pr-2">
                      <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[e.status]}`} data-testid="exercise-status">
                        {statusLabel[e.status]}
                      </span>
                    </td>
                    <td className="py-2 pr-2">
                      {e.bestScore !== null
                        ? `${formatScore(e.bestScore)} / ${formatScore(e.maxScore ?? e.points)}`
                        : e.status === "submitted" && a.resultAfter
                          ? describeResultAfter(a.resultAfter, locale)
                          : "—"}
                    </td>
                    <td className="py-2">{e.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}

function describeResultAfter(wait: TReleaseWait, locale: TLocale): string {
  const t = homeMessages(locale);
  return wait.kind === "due" ? format(t.resultAfterDue, { date: formatDeadline(wait.dueAt, wait.timeZone, locale) }) : t.resultAfterPublish;
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
