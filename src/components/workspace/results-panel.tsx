"use client";
// One grading result for the student: verdict and score, each case, layer-shape tables, the arrays
// of a failing case drawn as heatmaps, the likely mistakes in plain words, and what their code
// printed. When the server withheld the hidden cases' data, a notice says until when. The page announces verdicts
// through its own live region (verdict-announcement.ts), so nothing here is live.
import { useId } from "react";
import { isCaseError } from "@/grading/error-location";
import { formatParams, formatShape, MAX_MESSAGE_LENGTH, renderMessage } from "@/grading/result-format";
import type { TCaseResult, TGradingStatus } from "@/grading/result-schema";
import { useLocale } from "@/components/layout/locale-provider";
import { format, type TLocale } from "@/i18n";
import { formatDeadline } from "@/i18n/format-time";
import { workspaceMessages } from "@/i18n/workspace";
import type { TShownGradingResult } from "@/server/submissions/redact-hidden-details";
import { CaseArrays } from "./case-arrays";
import { CopyCaseButton, type TCaseSource } from "./copy-case-button";
import { LayerShapesTable } from "./layer-shapes-table";
import { describeDiagnosisEvidence, formatScore, isSameShape } from "./results-view";

type TMessages = ReturnType<typeof workspaceMessages>;

const STATUS_LOOK: Record<TGradingStatus, { icon: string; className: string }> = {
  passed: { icon: "✓", className: "border-green-300 bg-green-50 text-green-950" },
  failed: { icon: "✗", className: "border-amber-300 bg-amber-50 text-amber-950" },
  error: { icon: "!", className: "border-red-300 bg-red-50 text-red-950" },
  timeout: { icon: "⏱", className: "border-red-300 bg-red-50 text-red-950" },
};

function describeStatus(status: TGradingStatus, t: TMessages): { label: string; sentence: string } {
  switch (status) {
    case "passed":
      return { label: t.statusPassed, sentence: t.statusPassedLong };
    case "failed":
      return { label: t.statusFailed, sentence: t.statusFailedLong };
    case "error":
      return { label: t.statusError, sentence: t.statusErrorLong };
    case "timeout":
      return { label: t.statusTimeout, sentence: t.statusTimeoutLong };
  }
}

/** With the data hidden, the parameter and shape columns would only hold dashes: they are left out. */
function CaseRow({
  result,
  isDataHidden,
  copy,
  t,
  locale,
}: {
  result: TCaseResult;
  isDataHidden: boolean;
  /** where to ask for the case's numpy script; null when its data may not be shown */
  copy: { source: TCaseSource; caseIndex: number } | null;
  t: TMessages;
  locale: TLocale;
}) {
  const detail = result.detail;
  const title = renderMessage(result.title, locale);
  return (
    <tr className="border-t border-slate-200 align-top">
      <th scope="row" className="px-3 py-2 text-left font-medium">
        {title}
      </th>
      {isDataHidden ? null : (
        <>
          <td className="px-3 py-2 font-mono text-xs">{formatParams(result.params)}</td>
          <td className="px-3 py-2 font-mono text-xs">
            {!detail
              ? "—"
              : detail.actualShape && isSameShape(detail.actualShape, detail.expectedShape)
                ? formatShape(detail.expectedShape)
                : format(t.shapeComparison, {
                    expected: formatShape(detail.expectedShape),
                    actual: detail.actualShape ? formatShape(detail.actualShape) : t.noShape,
                  })}
          </td>
        </>
      )}
      <td className="px-3 py-2 whitespace-nowrap">
        {result.passed ? (
          <span className="font-medium text-green-800">
            <span aria-hidden="true">✓ </span>
            {t.casePassed}
          </span>
        ) : isCaseError(result.message) ? (
          <span className="font-medium text-red-800">
            <span aria-hidden="true">! </span>
            {t.caseError}
          </span>
        ) : (
          <span className="font-medium text-red-800">
            <span aria-hidden="true">✗ </span>
            {t.caseFailed}
          </span>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">
        {format(t.scoreShort, { score: formatScore(result.passed ? result.points : 0), maxScore: formatScore(result.points) })}
      </td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums text-slate-700">
        {result.timeMs === null ? "—" : format(t.timeMs, { ms: Math.round(result.timeMs) })}
      </td>
      <td className="min-w-64 px-3 py-2 break-words">
        {renderMessage(result.message, locale, MAX_MESSAGE_LENGTH)}
        {copy ? <CopyCaseButton source={copy.source} caseIndex={copy.caseIndex} caseTitle={title} /> : null}
      </td>
    </tr>
  );
}

/** caseSource: where the shown cases come from, for "Copy this case"; without it there is no copy button. */
export function ResultsPanel({ result, caseSource }: { result: TShownGradingResult; caseSource?: TCaseSource }) {
  const locale = useLocale();
  const t = workspaceMessages(locale);
  const casesHeadingId = useId();
  const status = describeStatus(result.status, t);
  const look = result.gradable ? STATUS_LOOK[result.status] : { icon: "!", className: "border-slate-300 bg-slate-100 text-slate-900" };
  const failingWithArrays = result.cases.flatMap((caseResult, caseIndex) =>
    !caseResult.passed && caseResult.detail !== null ? [{ caseResult, detail: caseResult.detail, caseIndex }] : [],
  );
  const hiddenUntil = "detailsHiddenUntil" in result ? result.detailsHiddenUntil : null;
  const message = result.message && renderMessage(result.message, locale, MAX_MESSAGE_LENGTH * 2);
  // A sample run is practice: it counts passing cases and shows no score.
  const isSampleRun = result.mode === "run";
  const passedCount = result.cases.filter((c) => c.passed).length;

  return (
    <div className="flex flex-col gap-5" data-testid="results-panel">
      <div data-testid="verdict" className={`flex flex-col gap-1 rounded-md border p-4 ${look.className}`}>
        {result.gradable ? (
          <>
            <h3 tabIndex={-1} data-testid="verdict-heading" className="flex flex-wrap items-baseline gap-x-3 text-lg font-semibold">
              <span>
                <span aria-hidden="true">{look.icon} </span>
                {status.label}
              </span>
              {isSampleRun ? (
                result.cases.length > 0 ? (
                  <span data-testid="sample-count" className="tabular-nums">
                    {format(t.sampleCount, { passed: passedCount, total: result.cases.length })}
                  </span>
                ) : null
              ) : (
                <span className="tabular-nums">{format(t.score, { score: formatScore(result.score), maxScore: formatScore(result.maxScore) })}</span>
              )}
            </h3>
            <p>{isSampleRun ? status.sentence : `${t.modeSubmit}: ${status.sentence}`}</p>
          </>
        ) : (
          <h3 tabIndex={-1} data-testid="verdict-heading" className="font-semibold">
            {t.notGradable}
          </h3>
        )}
      </div>

      {hiddenUntil ? (
        <p data-testid="hidden-details-notice" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-900">
          {hiddenUntil.kind === "due"
            ? format(t.hiddenDetailsNotice, { date: formatDeadline(hiddenUntil.dueAt, hiddenUntil.timeZone, locale) })
            : t.hiddenDetailsNoticePublish}
        </p>
      ) : null}

      {message ? (
        <p data-testid="result-message" className="rounded-md border border-slate-300 bg-white p-3 font-mono text-sm whitespace-pre-wrap text-slate-900">
          {message}
        </p>
      ) : null}

      {result.diagnoses.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h3 className="font-semibold text-slate-900">{t.diagnosesTitle}</h3>
          <ul className="flex flex-col gap-2">
            {result.diagnoses.map((diagnosis) => (
              <li key={diagnosis.code} className="rounded-md border border-blue-200 bg-blue-50 p-3 text-blue-950">
                <p>{renderMessage(diagnosis.message, locale)}</p>
                {diagnosis.cases.length > 0 ? (
                  <p className="mt-1 text-sm text-blue-900">{describeDiagnosisEvidence(locale, diagnosis, result.cases)}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {result.cases.length > 0 ? (
        <section aria-labelledby={casesHeadingId} className="flex flex-col gap-2">
          <h3 id={casesHeadingId} className="font-semibold text-slate-900">
            {t.casesTitle}
          </h3>
          {/* relative: the buttons' screen-reader labels (absolute) are clipped with the table, not widening the page */}
          <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white" tabIndex={0}>
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t.columnCase}</th>
                  {hiddenUntil ? null : (
                    <>
                      <th scope="col" className="px-3 py-2 font-medium">{t.columnParams}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t.columnShape}</th>
                    </>
                  )}
                  <th scope="col" className="px-3 py-2 font-medium">{t.columnResult}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t.columnPoints}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t.columnTime}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t.columnMessage}</th>
                </tr>
              </thead>
              <tbody>
                {result.cases.map((caseResult, index) => (
                  <CaseRow
                    key={`${index}-${caseResult.name}`}
                    result={caseResult}
                    isDataHidden={hiddenUntil !== null}
                    copy={caseSource && hiddenUntil === null ? { source: caseSource, caseIndex: index } : null}
                    t={t}
                    locale={locale}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {result.cases.map((caseResult, index) =>
        caseResult.layerShapes ? (
          <LayerShapesTable
            key={`layers-${index}-${caseResult.name}`}
            caseTitle={renderMessage(caseResult.title, locale)}
            table={caseResult.layerShapes}
            t={t}
            locale={locale}
          />
        ) : null,
      )}

      {failingWithArrays.map(({ caseResult, detail, caseIndex }, index) => (
        <details key={`${caseIndex}-${caseResult.name}`} open={index === 0} className="rounded-md border border-slate-200 bg-white p-4" data-testid="case-arrays">
          <summary className="cursor-pointer font-medium text-blue-900">{format(t.detailSummary, { name: renderMessage(caseResult.title, locale) })}</summary>
          <div className="mt-3 flex flex-col gap-3">
            {caseSource ? <CopyCaseButton source={caseSource} caseIndex={caseIndex} caseTitle={renderMessage(caseResult.title, locale)} /> : null}
            {/* keyed by the first wrong cell: a new result opens the picker on its own wrong channel */}
            <CaseArrays key={String(detail.firstWrong?.index ?? detail.expected.channel)} detail={detail} t={t} locale={locale} />
          </div>
        </details>
      ))}

      {result.stdout.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h3 className="font-semibold text-slate-900">{t.stdoutTitle}</h3>
          <pre tabIndex={0} className="max-h-64 overflow-auto rounded-md border border-slate-300 bg-slate-900 p-3 font-mono text-sm whitespace-pre-wrap text-slate-50">
            {result.stdout}
          </pre>
          {result.stdoutTruncated ? <p className="text-sm text-slate-700">{t.stdoutTruncated}</p> : null}
        </section>
      ) : null}

      {result.gradable ? (
        <p className="text-xs text-slate-600">
          {format(t.gradedIn, { seconds: (result.timing.wallMs / 1000).toFixed(1) })}
          {result.seed === null ? null : ` · ${format(t.seed, { seed: result.seed })}`}
        </p>
      ) : null}
    </div>
  );
}
