"use client";
// A failing case's arrays as heatmaps: the input window the first wrong cell reads, the kernel or
// weights, and the expected, returned and difference planes of one output channel. A picker
// switches the output channel (and the weights that produce it); it starts on the channel of the
// first wrong cell, which is the only channel whose wrong cell is outlined.
import { useId, useState } from "react";
import { decodeJsonNumber, formatShape, renderMessage } from "@/grading/result-format";
import type { TCaseDetail, THeatmap } from "@/grading/result-schema";
import { format, type TLocale } from "@/i18n";
import type { workspaceMessages } from "@/i18n/workspace";
import { formatSlice } from "./conv-geometry";
import { Heatmap } from "./heatmap";
import { computeDomain, formatFullValue } from "./heatmap-scale";
import { computeDifference, decodeValues, findImageRegion, findPlaneCell, formatIndex, isSameShape, isWindowOnPlane, titleInputPlane } from "./results-view";

type TMessages = ReturnType<typeof workspaceMessages>;

/** The planes of each output channel; results stored before they were kept have the wrong channel's only. */
function listChannels(detail: TCaseDetail): { expected: THeatmap; actual: THeatmap | null }[] {
  return detail.outputPlanes ?? [{ expected: detail.expected, actual: detail.actual }];
}

export function CaseArrays({ detail, t, locale }: { detail: TCaseDetail; t: TMessages; locale: TLocale }) {
  const pickerId = useId();
  const channels = listChannels(detail);
  const wrongChannel = detail.expected.channel;
  const [channel, setChannel] = useState(wrongChannel);
  const shown = channels.find((planes) => planes.expected.channel === channel) ?? channels[0]!;
  const { firstWrong } = detail;
  const { expected, actual } = shown;
  const isWrongChannel = expected.channel === wrongChannel;
  const wrongCell = firstWrong && isWrongChannel ? findPlaneCell(firstWrong.index) : null;
  const outputDomain = computeDomain([decodeValues(expected), ...(actual ? [decodeValues(actual)] : [])]);
  const difference = actual && firstWrong ? computeDifference(expected, actual) : null;
  const isShapeWrong = detail.actualShape === null || !isSameShape(detail.actualShape, detail.expectedShape);
  const inputWindow = firstWrong?.window ?? null;
  // gradient exercises draw dout, the output cells a gradient cell collects from, not the input
  const isUpstream = detail.inputRole === "upstream-gradient";
  const hasPadding = detail.inputPadding.rows > 0 || detail.inputPadding.cols > 0;
  const kernels = (detail.kernels ?? []).filter((plane) => plane.channel === null || plane.channel === expected.channel);
  const withChannel = (title: string, at: number | null) => (at === null ? title : `${title}${format(t.channelSuffix, { channel: at })}`);

  return (
    <div className="flex flex-col gap-3">
      {firstWrong ? (
        <p>
          {format(t.firstWrong, {
            // a tuple output's detail names its array: dweights[0, 1, 2, 0]
            index: `${detail.array ?? ""}${formatIndex(firstWrong.index)}`,
            expected: formatFullValue(firstWrong.expected),
            actual: formatFullValue(decodeJsonNumber(firstWrong.actual)),
          })}{" "}
          {detail.maxError === null ? null : format(t.maxError, { value: formatFullValue(decodeJsonNumber(detail.maxError)) })}{" "}
          {inputWindow
            ? format(isUpstream ? t.doutWindowNote : t.windowNote, { rows: formatSlice(inputWindow.rows), cols: formatSlice(inputWindow.cols) })
            : null}
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
      {channels.length > 1 ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor={pickerId} className="font-medium">
            {t.channelPicker}
          </label>
          <select
            id={pickerId}
            data-testid="channel-picker"
            value={channel ?? ""}
            onChange={(event) => setChannel(Number(event.target.value))}
            className="rounded-md border border-slate-400 bg-white px-2 py-1"
          >
            {channels.map(({ expected: plane }) => (
              <option key={plane.channel} value={plane.channel ?? ""}>
                {format(plane.channel === wrongChannel && firstWrong ? t.channelOptionWrong : t.channelOption, { channel: plane.channel ?? 0 })}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        {detail.input.map((plane, planeIndex) => (
          <Heatmap
            key={planeIndex}
            title={isUpstream ? format(t.heatmapDoutChannel, { channel: plane.channel ?? 0 }) : titleInputPlane(t, plane, detail.inputPadding)}
            subtitle={renderMessage(plane.label, locale)}
            values={decodeValues(plane)}
            rowOffset={plane.rowOffset}
            colOffset={plane.colOffset}
            highlightWindow={inputWindow && isWindowOnPlane(inputWindow, plane) ? inputWindow : null}
            imageRegion={hasPadding ? findImageRegion(plane, detail.inputPadding) : null}
          />
        ))}
        {kernels.map((plane, planeIndex) => (
          <Heatmap
            key={`kernel-${expected.channel}-${planeIndex}`}
            title={t.heatmapKernel}
            subtitle={renderMessage(plane.label, locale)}
            values={decodeValues(plane)}
            rowOffset={plane.rowOffset}
            colOffset={plane.colOffset}
          />
        ))}
        {[
          { kind: "expected", title: t.heatmapExpected, plane: expected },
          { kind: "actual", title: t.heatmapActual, plane: actual },
        ].map(({ kind, title, plane }) =>
          plane ? (
            <Heatmap
              key={`${kind}-${expected.channel}`}
              title={withChannel(title, plane.channel)}
              subtitle={renderMessage(plane.label, locale)}
              values={decodeValues(plane)}
              rowOffset={plane.rowOffset}
              colOffset={plane.colOffset}
              domain={outputDomain}
              highlightCell={wrongCell}
            />
          ) : (
            <p key={kind} className="text-sm text-slate-700">
              {t.noActualPlane}
            </p>
          ),
        )}
        {difference ? (
          <Heatmap
            key={`difference-${expected.channel}`}
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
