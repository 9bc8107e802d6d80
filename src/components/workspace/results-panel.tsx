"use client";
// One grading result for the student: verdict and score, each case, the arrays of a failing case
// drawn as heatmaps, the likely mistakes in plain words, and what their code printed. When the
// server withheld the hidden cases' data, a notice says until when. The page announces verdicts
// through its own live region (verdict-announcement.ts), so nothing here is live.
import { useId } from "react";
import { decodeJsonNumber, formatParams, formatShape, MAX_MESSAGE_LENGTH, renderMessage } from "@/grading/result-format";
import type { TCaseResult, TGradingStatus } from "@/grading/result-schema";
import { useLocale } from "@/components/layout/locale-provider";
import { format, type TLocale } from "@/i18n";
import { formatDeadline } from "@/i18n/format-time";
import { workspaceMessages } from "@/i18n/workspace";
import type { TShownGradingResult } from "@/server/submissions/redact-hidden-details";
import { formatSlice } from "./conv-geometry";
import { Heatmap } from "./heatmap";
import { computeDomain, formatFullValue } from "./heatmap-scale";
import {
  computeDifference,
  decodeValues,
  findImageRegion,
  findPlaneCell,
  formatIndex,
  formatScore,
  isSameShape,
  isWindowOnPlane,
  describeDiagnosisEvidence,
  titleInputPlane,
} from "./results-view";

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

function CaseArrays({ result, t, locale }: { result: TCaseResult; t: TMessages; locale: TLocale }) {
  const detail = result.detail;
  if (!detail) return null;
  const { firstWrong, expected, actual } = detail;
  const wrongCell = firstWrong ? findPlaneCell(firstWrong.index) : null;
  const outputDomain = computeDomain([decodeValues(expected), ...(actual ? [decodeValues(actual)] : [])]);
  const difference = actual && firstWrong ? computeDifference(expected, actual) : null;
  const isShapeWrong = detail.actualShape === null || !isSameShape(detail.actualShape, detail.expectedShape);
  const inputWindow = firstWrong?.window ?? null;
  const hasPadding = detail.inputPadding.rows > 0 || detail.inputPadding.cols > 0;
  const withChannel = (title: string, channel: number | null) =>
    channel === null ? title : `${title}${format(t.channelSuffix, { channel })}`;

  return (
    <div className="flex flex-col gap-3">
      {firstWrong ? (
        <p>
          {format(t.firstWrong, {
            index: formatIndex(firstWrong.index),
            expected: formatFullValue(firstWrong.expected),
            actual: formatFullValue(decodeJsonNumber(firstWrong.actual)),
          })}{" "}
          {detail.maxError === null ? null : format(t.maxError, { value: formatFullValue(decodeJsonNumber(detail.maxError)) })}{" "}
          {inputWindow ? format(t.windowNote, { rows: formatSlice(inputWindow.rows), cols: formatSlice(inputWindow.cols) }) : null}
        </p>
      ) : null}
      {isShapeWrong ? (
        <p>
          {format(t.shapesDiffer, {
            expected: formatShape(detail.expectedShape),
            actual: detail.actualShape ? formatShape(detail.actualShape) : t.noShape,
          })}
        </p>
      ) : null}
      {wrongCell ? <p className="text-sm text-slate-700">{t.outlineKey}</p> : null}
      <div className="grid gap-6 md:grid-cols-2">
        {detail.input.map((plane, planeIndex) => (
          <Heatmap
            key={planeIndex}
            title={titleInputPlane(t, plane, detail.inputPadding)}
            subtitle={renderMessage(plane.label, locale)}
            values={decodeValues(plane)}
            rowOffset={plane.rowOffset}
            colOffset={plane.colOffset}
            highlightWindow={inputWindow && isWindowOnPlane(inputWindow, plane) ? inputWindow : null}
            imageRegion={hasPadding ? findImageRegion(plane, detail.inputPadding) : null}
          />
        ))}
        <Heatmap
          title={withChannel(t.heatmapExpected, expected.channel)}
          subtitle={renderMessage(expected.label, locale)}
          values={decodeValues(expected)}
          rowOffset={expected.rowOffset}
          colOffset={expected.colOffset}
          domain={outputDomain}
          highlightCell={wrongCell}
        />
        {actual ? (
          <Heatmap
            title={withChannel(t.heatmapActual, actual.channel)}
            subtitle={renderMessage(actual.label, locale)}
            values={decodeValues(actual)}
            rowOffset={actual.rowOffset}
            colOffset={actual.colOffset}
            domain={outputDomain}
            highlightCell={wrongCell}
          />
        ) : (
          <p className="text-sm text-slate-700">{t.noActualPlane}</p>
        )}
        {difference ? (
          <Heatmap
            title={withChannel(t.heatmapDifference, expected.channel)}
            values={difference}
            rowOffset={expected.rowOffset}
            colOffset={expected.colOffset}
            highlightCell={wrongCell}
          />
        ) : null}
      </div>
    </div>
  );
}

/** With the data hidden, the parameter and shape columns would only hold dashes: they are left out. */
function CaseRow({ result, isDataHidden, t, locale }: { result: TCaseResult; isDataHidden: boolean; t: TMessages; locale: TLocale }) {
  const detail = result.detail;
  return (
    <tr className="border-t border-slate-200 align-top">
      <th scope="row" className="px-3 py-2 text-left font-medium">
        {renderMessage(result.title, locale)}
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
      <td className="min-w-64 px-3 py-2 break-words">{renderMessage(result.message, locale, MAX_MESSAGE_LENGTH)}</td>
    </tr>
  );
}

export function ResultsPanel({ result }: { result: TShownGradingResult }) {
  const locale = useLocale();
  const t = workspaceMessages(locale);
  const casesHeadingId = useId();
  const status = describeStatus(result.status, t);
  const look = result.gradable ? STATUS_LOOK[result.status] : { icon: "!", className: "border-slate-300 bg-slate-100 text-slate-900" };
  const failingWithArrays = result.cases.filter((c) => !c.passed && c.detail !== null);
  const hiddenUntil = "detailsHiddenUntil" in result ? result.detailsHiddenUntil : null;
  const message = result.message && renderMessage(result.message, locale, MAX_MESSAGE_LENGTH * 2);

  return (
    <div className="flex flex-col gap-5" data-testid="results-panel">
      <div data-testid="verdict" className={`flex flex-col gap-1 rounded-md border p-4 ${look.className}`}>
        {result.gradable ? (
          <>
            <p className="flex flex-wrap items-baseline gap-x-3 text-lg font-semibold">
              <span>
                <span aria-hidden="true">{look.icon} </span>
                {status.label}
              </span>
              <span className="tabular-nums">{format(t.score, { score: formatScore(result.score), maxScore: formatScore(result.maxScore) })}</span>
            </p>
            <p>
              {result.mode === "submit" ? t.modeSubmit : t.modeRun}: {status.sentence}
            </p>
          </>
        ) : (
          <p className="font-semibold">{t.notGradable}</p>
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
          <div className="overflow-x-auto rounded-md border border-slate-200 bg-white" tabIndex={0}>
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
                  <CaseRow key={`${index}-${caseResult.name}`} result={caseResult} isDataHidden={hiddenUntil !== null} t={t} locale={locale} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {failingWithArrays.map((caseResult, index) => (
        <details key={`${index}-${caseResult.name}`} open={index === 0} className="rounded-md border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium text-blue-900">{format(t.detailSummary, { name: renderMessage(caseResult.title, locale) })}</summary>
          <div className="mt-3">
            <CaseArrays result={caseResult} t={t} locale={locale} />
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
