import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseWorkspace } from "@/components/workspace/exercise-workspace";
import { getExercise } from "@/grading/exercise-files";
import { format } from "@/i18n";
import { exerciseMessages } from "@/i18n/exercise";
import { formatDeadline } from "@/i18n/format-time";
import { getLocale } from "@/i18n/server";
import { evaluateDeadline } from "@/server/assignments/late-policy";
import { loadAssignmentExercise } from "@/server/assignments/load-assignment-exercise";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { listSubmissionHistory } from "@/server/submissions/list-submission-history";

export default async function ExercisePage({ params }: { params: Promise<{ assignmentId: string; slug: string }> }) {
  const { assignmentId, slug } = await params;
  const user = await requireUserForPage(`/assignments/${assignmentId}/${slug}`);
  const loaded = await loadAssignmentExercise(db, { user, assignmentId, slug }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const exercise = await getExercise(slug);
  if (!exercise) notFound();
  const locale = await getLocale();
  const t = exerciseMessages(locale);
  const [draft, history] = await Promise.all([
    db.draft.findUnique({ where: { userId_exerciseId: { userId: user.id, exerciseId: loaded.exercise.id } } }),
    listSubmissionHistory(db, { userId: user.id, exerciseId: loaded.exercise.id }),
  ]);
  const deadline = evaluateDeadline(loaded.assignment, new Date());
  const deadlineNotice =
    deadline.kind === "closed"
      ? t.closed
      : deadline.kind === "late"
        ? format(t.late, { penalty: Math.round(loaded.assignment.latePenaltyPerDay * 100) })
        : null;
  const title = exercise.title[locale];
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-blue-800 underline">
          {t.back}
        </Link>{" "}
        / {loaded.assignment.title}
      </nav>
      <header>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-700">
          <code className="rounded bg-slate-100 px-1">def {exercise.meta.signature}</code> · {format(t.points, { points: loaded.points })} ·{" "}
          {format(t.due, { date: formatDeadline(loaded.assignment.dueAt.toISOString(), loaded.assignment.timeZone, locale) })} ·{" "}
          <span data-testid="time-limit">{format(t.timeLimit, { cpu: exercise.meta.limits.cpuSeconds })}</span>
        </p>
      </header>
      <ExerciseWorkspace
        assignmentId={assignmentId}
        slug={slug}
        statementEn={exercise.statement.en}
        statementZh={exercise.statement["zh-CN"]}
        starter={exercise.starter}
        initialCode={draft?.code ?? exercise.starter}
        history={history}
        deadlineNotice={deadlineNotice}
        canSubmit={deadline.kind === "on-time" || deadline.kind === "late"}
      />
    </div>
  );
}
