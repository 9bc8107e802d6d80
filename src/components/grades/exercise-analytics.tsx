"use client";
// An assignment's exercise analytics as charts with text alternatives: pass rate per exercise,
// then per exercise the attempts and time it took to pass and the mistakes the grader named most.
// Titles and diagnoses arrive worded in the reader's language (./word-analytics).
import { useLocale } from "@/components/layout/locale-provider";
import { format } from "@/i18n";
import { instructorMessages } from "@/i18n/instructor";
import type { TTimeBucket } from "@/server/grades/compute-exercise-analytics";
import { BarChartFigure } from "./bar-chart-figure";
import type { TWordedExerciseAnalytics } from "./word-analytics";

type TMessages = ReturnType<typeof instructorMessages>;

const TH = "border-b border-slate-300 p-2 text-left";
const TD = "border-b border-slate-100 p-2 tabular-nums";
const ROW_TH = "border-b border-slate-100 p-2 text-left font-medium";

/** A pass rate, or "nobody submitted" where there is none: 0% means everyone who tried failed. */
function percent(rate: number | null, t: TMessages): string {
  return rate === null ? t.nobodySubmitted : format(t.percent, { value: Math.round(rate * 100) });
}

/** Passed over the whole class, tried or not, beside the rate of those who tried. */
function classPassRate(passedCount: number, studentCount: number, t: TMessages): string {
  const students = studentCount === 1 ? t.classStudentsOne : format(t.classStudents, { count: studentCount });
  return format(t.passRateOfClass, { students, value: studentCount === 0 ? 0 : Math.round((passedCount / studentCount) * 100) });
}

function formatMinutes(minutes: number | null, t: TMessages): string {
  if (minutes === null) return "—";
  return minutes < 60 ? format(t.minutesShort, { value: Math.round(minutes) }) : format(t.hoursShort, { value: Math.round(minutes / 6) / 10 });
}

function timeLabel(bucket: TTimeBucket, t: TMessages): string {
  return {
    "first-try": t.timeFirstTry,
    "under-10m": t.timeUnder10m,
    "10m-1h": t.time10mTo1h,
    "1h-6h": t.time1hTo6h,
    "6h-1d": t.time6hTo1d,
    "over-1d": t.timeOver1d,
  }[bucket];
}

function listItems(items: { label: string; value: string | number }[]): string {
  return items.map((item) => `${item.label} ${item.value}`).join(", ");
}

/** The text alternative of a students-per-bucket chart. */
function BucketTable({ bars, bucketHeader, countHeader }: { bars: { label: string; value: number }[]; bucketHeader: string; countHeader: string }) {
  return (
    <table className="text-sm">
      <thead>
        <tr>
          <th scope="col" className={TH}>{bucketHeader}</th>
          <th scope="col" className={TH}>{countHeader}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.label}>
            <th scope="row" className={ROW_TH}>{b.label}</th>
            <td className={TD}>{b.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExerciseSection({ exercise, studentCount, t }: { exercise: TWordedExerciseAnalytics; studentCount: number; t: TMessages }) {
  const { stats } = exercise;
  const headingId = `analytics-${exercise.slug}`;
  const attemptBars = stats.attemptsToPass.map((b) => ({ label: b.bucket, value: b.students }));
  const timeBars = stats.timeToPass.map((b) => ({ label: timeLabel(b.bucket, t), value: b.students }));
  const mistakeBars = stats.diagnoses.map((d) => ({ label: d.text, value: d.students }));
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3" data-testid={`analytics-${exercise.slug}`}>
      <h2 id={headingId} className="text-xl font-semibold">
        {exercise.title}
      </h2>
      <p className="text-sm text-slate-800">
        {t.attempted}: {stats.attemptedCount} · {t.passed}: {stats.passedCount} · {t.passRate}: {percent(stats.passRate, t)} ·{" "}
        {classPassRate(stats.passedCount, studentCount, t)}
      </p>
      {stats.attemptedCount === 0 ? (
        <p className="text-slate-700">{t.noAttempts}</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {stats.passedCount === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t.nobodyPassed}</p>
          ) : (
            <>
              <BarChartFigure
                caption={`${t.attemptsToPass} · ${format(t.medianAttempts, { value: stats.medianAttemptsToPass ?? "—" })}`}
                summary={format(t.attemptsToPassSummary, { items: listItems(attemptBars) })}
                bars={attemptBars}
                valueName={t.studentsCount}
                table={<BucketTable bars={attemptBars} bucketHeader={t.attemptsBucket} countHeader={t.studentsCount} />}
              />
              <BarChartFigure
                caption={`${t.timeToPass} · ${format(t.medianTime, { value: formatMinutes(stats.medianMinutesToPass, t) })}`}
                summary={format(t.timeToPassSummary, { items: listItems(timeBars) })}
                bars={timeBars}
                valueName={t.studentsCount}
                table={<BucketTable bars={timeBars} bucketHeader={t.timeBucket} countHeader={t.studentsCount} />}
              />
            </>
          )}
          {stats.diagnoses.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t.noMistakes}</p>
          ) : (
            <BarChartFigure
              caption={t.commonMistakes}
              summary={format(t.commonMistakesSummary, { items: listItems(mistakeBars) })}
              bars={mistakeBars}
              valueName={t.studentsCount}
              isHorizontal
              testId={`mistakes-${exercise.slug}`}
              table={
                <table className="text-sm">
                  <thead>
                    <tr>
                      <th scope="col" className={TH}>{t.mistake}</th>
                      <th scope="col" className={TH}>{t.studentsCount}</th>
                      <th scope="col" className={TH}>{t.submissionsCount}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.diagnoses.map((d) => (
                      <tr key={d.code}>
                        <th scope="row" className={ROW_TH}>
                          {d.text} <code className="text-xs text-slate-600">{d.code}</code>
                        </th>
                        <td className={TD}>{d.students}</td>
                        <td className={TD}>{d.submissions}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          )}
        </div>
      )}
    </section>
  );
}

export function ExerciseAnalytics({ exercises, studentCount }: { exercises: TWordedExerciseAnalytics[]; studentCount: number }) {
  const t = instructorMessages(useLocale());
  // An empty bar reads as 0%: the label says when it means that nobody submitted.
  const passBars = exercises.map((e) => ({
    label: e.stats.passRate === null ? `${e.title} (${t.nobodySubmitted})` : e.title,
    value: Math.round((e.stats.passRate ?? 0) * 100),
  }));
  return (
    <div className="flex flex-col gap-8">
      <BarChartFigure
        caption={t.passRateChart}
        summary={format(t.passRateSummary, {
          items: listItems(exercises.map((e) => ({ label: e.title, value: percent(e.stats.passRate, t) }))),
        })}
        bars={passBars}
        valueName={t.passRate}
        formatValue={(value) => format(t.percent, { value })}
        maxValue={100}
        testId="pass-rate-chart"
        table={
          <table className="text-sm" data-testid="pass-rate-table">
            <thead>
              <tr>
                <th scope="col" className={TH}>{t.exercises}</th>
                <th scope="col" className={TH}>{t.attempted}</th>
                <th scope="col" className={TH}>{t.passed}</th>
                <th scope="col" className={TH}>{t.passRate}</th>
                <th scope="col" className={TH}>{t.medianAttemptsColumn}</th>
                <th scope="col" className={TH}>{t.medianTimeColumn}</th>
              </tr>
            </thead>
            <tbody>
              {exercises.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className={ROW_TH}>{e.title}</th>
                  <td className={TD}>{e.stats.attemptedCount}</td>
                  <td className={TD}>{e.stats.passedCount}</td>
                  <td className={TD}>{percent(e.stats.passRate, t)}</td>
                  <td className={TD}>{e.stats.medianAttemptsToPass ?? "—"}</td>
                  <td className={TD}>{formatMinutes(e.stats.medianMinutesToPass, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {exercises.map((exercise) => (
        <ExerciseSection key={exercise.id} exercise={exercise} studentCount={studentCount} t={t} />
      ))}
    </div>
  );
}
