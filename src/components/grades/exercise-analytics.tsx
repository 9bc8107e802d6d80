"use client";
// An assignment's exercise analytics as charts with text alternatives: pass rate per exercise,
// then per exercise the attempts and time it took to pass and the mistakes the grader named most.
// Titles and diagnoses arrive worded in the reader's language (./word-analytics); a mistake's bar
// carries its short title, its full sentence shows on hover and in the table, which links to the
// students who made it.
import Link from "next/link";
import { useLocale } from "@/components/layout/locale-provider";
import { format, formatCount, formatNumber, formatPercent, type TLocale } from "@/i18n";
import { instructorMessages } from "@/i18n/instructor";
import type { TTimeBucket } from "@/server/grades/compute-exercise-analytics";
import { BarChartFigure } from "./bar-chart-figure";
import type { TWordedExerciseAnalytics } from "./word-analytics";

type TMessages = ReturnType<typeof instructorMessages>;
/** The reader's messages and locale, which every number and count is worded with. */
interface TWords {
  t: TMessages;
  locale: TLocale;
}

const TH = "border-b border-slate-300 p-2 text-left whitespace-nowrap";
const TD = "border-b border-slate-100 p-2 tabular-nums whitespace-nowrap";
const ROW_TH = "border-b border-slate-100 p-2 text-left font-medium";

/** A pass rate, or "nobody submitted" where there is none: 0% means everyone who tried failed. */
function percent(rate: number | null, { t, locale }: TWords): string {
  return rate === null ? t.nobodySubmitted : formatPercent(locale, rate);
}

/** Passed over the whole class, tried or not, beside the rate of those who tried. */
function classPassRate(passedCount: number, studentCount: number, { t, locale }: TWords): string {
  const students = formatCount(locale, { one: t.classStudentsOne, other: t.classStudents }, studentCount);
  return format(t.passRateOfClass, { students, value: formatPercent(locale, studentCount === 0 ? 0 : passedCount / studentCount) });
}

function formatMinutes(minutes: number | null, { t, locale }: TWords): string {
  if (minutes === null) return "—";
  return minutes < 60
    ? format(t.minutesShort, { value: formatNumber(locale, Math.round(minutes)) })
    : format(t.hoursShort, { value: formatNumber(locale, minutes / 60) });
}

function medianAttempts(median: number | null, { t, locale }: TWords): string {
  if (median === null) return format(t.medianAttempts, { count: "—" });
  return formatCount(locale, { one: t.medianAttemptsOne, other: t.medianAttempts }, median);
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

function ExerciseSection({
  exercise,
  studentCount,
  analyticsHref,
  words,
}: {
  exercise: TWordedExerciseAnalytics;
  studentCount: number;
  analyticsHref: string;
  words: TWords;
}) {
  const { t } = words;
  const { stats } = exercise;
  const headingId = `analytics-${exercise.slug}`;
  const attemptBars = stats.attemptsToPass.map((b) => ({ label: b.bucket, value: b.students }));
  const timeBars = stats.timeToPass.map((b) => ({ label: timeLabel(b.bucket, t), value: b.students }));
  const mistakeBars = stats.diagnoses.map((d) => ({ label: d.title, detail: d.text, value: d.students }));
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3" data-testid={`analytics-${exercise.slug}`}>
      <h2 id={headingId} className="text-xl font-semibold">
        {exercise.title}
      </h2>
      <p className="text-sm text-slate-800">
        {t.attempted}: {stats.attemptedCount} · {t.passed}: {stats.passedCount} · {t.passRate}: {percent(stats.passRate, words)} ·{" "}
        {classPassRate(stats.passedCount, studentCount, words)}
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
                caption={`${t.attemptsToPass} · ${medianAttempts(stats.medianAttemptsToPass, words)}`}
                summary={format(t.attemptsToPassSummary, { items: listItems(attemptBars) })}
                bars={attemptBars}
                valueName={t.studentsCount}
                table={<BucketTable bars={attemptBars} bucketHeader={t.attemptsBucket} countHeader={t.studentsCount} />}
              />
              <BarChartFigure
                caption={`${t.timeToPass} · ${format(t.medianTime, { value: formatMinutes(stats.medianMinutesToPass, words) })}`}
                summary={format(t.timeToPassSummary, { items: listItems(timeBars) })}
                bars={timeBars}
                valueName={t.studentsCount}
                isHorizontal
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
              isTableOpen
              testId={`mistakes-${exercise.slug}`}
              table={
                <table className="text-sm">
                  <thead>
                    <tr>
                      <th scope="col" className={TH}>{t.mistake}</th>
                      <th scope="col" className={TH}>{t.studentsCount}</th>
                      <th scope="col" className={TH}>{t.submissionsCount}</th>
                      <th scope="col" className={TH}>
                        <span className="sr-only">{t.mistakeStudentsLink}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.diagnoses.map((d) => (
                      <tr key={d.code}>
                        <th scope="row" className={`${ROW_TH} min-w-48`}>
                          <span className="block font-semibold">{d.title}</span>
                          <span className="block font-normal text-slate-800">{d.text}</span>
                          <code className="text-xs font-normal text-slate-600">{d.code}</code>
                        </th>
                        <td className={TD}>{d.students}</td>
                        <td className={TD}>{d.submissions}</td>
                        <td className={TD}>
                          <Link href={`${analyticsHref}/${exercise.slug}/${d.code}`} className="text-blue-800 underline">
                            {t.mistakeStudentsLink}
                            <span className="sr-only">: {d.title}</span>
                          </Link>
                        </td>
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

export function ExerciseAnalytics({
  exercises,
  studentCount,
  analyticsHref,
}: {
  exercises: TWordedExerciseAnalytics[];
  studentCount: number;
  /** the analytics page, under which each mistake's drill-down lives */
  analyticsHref: string;
}) {
  const locale = useLocale();
  const t = instructorMessages(locale);
  const words = { t, locale };
  // An empty bar reads as 0%: the label says when it means that nobody submitted.
  const passBars = exercises.map((e) => ({
    label: e.stats.passRate === null ? `${e.title} (${t.nobodySubmitted})` : e.title,
    value: (e.stats.passRate ?? 0) * 100,
  }));
  return (
    <div className="flex flex-col gap-8">
      <BarChartFigure
        caption={t.passRateChart}
        summary={format(t.passRateSummary, {
          items: listItems(exercises.map((e) => ({ label: e.title, value: percent(e.stats.passRate, words) }))),
        })}
        bars={passBars}
        valueName={t.passRate}
        formatValue={(value) => formatPercent(locale, value / 100)}
        maxValue={100}
        isHorizontal
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
                  <td className={TD}>{percent(e.stats.passRate, words)}</td>
                  <td className={TD}>{e.stats.medianAttemptsToPass === null ? "—" : formatNumber(locale, e.stats.medianAttemptsToPass)}</td>
                  <td className={TD}>{formatMinutes(e.stats.medianMinutesToPass, words)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {exercises.map((exercise) => (
        <ExerciseSection key={exercise.id} exercise={exercise} studentCount={studentCount} analyticsHref={analyticsHref} words={words} />
      ))}
    </div>
  );
}
