import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ExerciseWorkspace } from "@/components/workspace/exercise-workspace";
import { StatementContent } from "@/components/workspace/statement-content";
import { format, LOCALES, type TLocale } from "@/i18n";
import { exerciseMessages } from "@/i18n/exercise";
import { formatDeadline } from "@/i18n/format-time";
import { getLocale } from "@/i18n/server";
import { getExerciseWorkspace } from "@/server/assignments/get-exercise-workspace";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export default async function ExercisePage({ params }: { params: Promise<{ assignmentId: string; slug: string }> }) {
  const { assignmentId, slug } = await params;
  const user = await requireUserForPage(`/assignments/${assignmentId}/${slug}`);
  const workspace = await getExerciseWorkspace(db, { user, assignmentId, slug }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (!workspace) notFound();
  const { assignment, exercise, deadline } = workspace;
  const locale = await getLocale();
  const t = exerciseMessages(locale);
  const opensAt = formatDeadline(assignment.opensAt.toISOString(), assignment.timeZone, locale);
  const deadlineNotice =
    deadline.kind === "not-open"
      ? format(t.notOpenYetStaff, { date: opensAt })
      : deadline.kind === "closed"
        ? t.closed
        : deadline.kind === "late"
          ? format(t.late, { penalty: Math.round(assignment.latePenaltyPerDay * 100) })
          : null;
  const title = exercise.title[locale];
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t.breadcrumb} className="text-sm">
        <Link href="/" className="text-blue-800 underline">
          {t.back}
        </Link>{" "}
        / {assignment.title}
      </nav>
      <header>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-700">
          <code className="rounded bg-slate-100 px-1">def {exercise.meta.signature}</code> · {format(t.points, { points: workspace.points })} ·{" "}
          {format(t.due, { date: formatDeadline(assignment.dueAt.toISOString(), assignment.timeZone, locale) })} ·{" "}
          <span data-testid="time-limit">{format(t.timeLimit, { cpu: exercise.meta.limits.cpuSeconds })}</span>
        </p>
      </header>
      {workspace.override ? (
        <section data-testid="score-override" className="rounded-md border border-violet-300 bg-violet-50 p-3 text-sm text-slate-900">
          <p>{format(t.overrideNotice, { score: workspace.override.score, points: workspace.points })}</p>
          <p>
            <span className="font-medium">{t.overrideComment}</span> {workspace.override.comment}
          </p>
        </section>
      ) : null}
      {deadline.kind === "not-open" && !workspace.isPreview ? (
        <p role="status" data-testid="not-open-notice" className="rounded-md border border-amber-300 bg-amber-50 p-3">
          {format(t.notOpenYet, { date: opensAt })}
        </p>
      ) : (
        <ExerciseWorkspace
          assignmentId={assignmentId}
          slug={slug}
          statements={Object.fromEntries(LOCALES.map((language) => [language, <StatementContent key={language} markdown={exercise.statement[language]} />])) as Record<TLocale, ReactNode>}
          starter={exercise.starter}
          initialCode={workspace.initialCode}
          history={workspace.history}
          attempts={workspace.attempts}
          scoresAfter={workspace.scoresAfter}
          isLoadErrorFree={assignment.loadErrorsCostNoAttempt}
          deadlineNotice={deadlineNotice}
          canSubmit={deadline.kind === "on-time" || deadline.kind === "late"}
        />
      )}
    </div>
  );
}
