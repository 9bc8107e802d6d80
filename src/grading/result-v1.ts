// Results stored under version 1 held their text as English and Simplified Chinese sentences side
// by side (message/messageZh, name/nameZh, label/labelZh), the Chinese absent from the oldest.
// convertResultV1 turns one into version 2 for the one-off migration (scripts/migrate-results-v2.ts):
// the stored sentences cannot be parsed back into codes reliably, so each becomes a "legacyText"
// message carrying both, worded exactly as version 1 showed it (English where it had no Chinese).
import { z } from "zod";
import { message, RESULT_VERSION, type TMessage } from "./result-format";
import { ZCaseParams, ZGradingMode, ZGradingStatus, ZGradingResult, ZInputWindow, ZJsonNumber, type TGradingResult } from "./result-schema";

const ZHeatmapV1 = z.object({
  label: z.string(),
  labelZh: z.string().optional(),
  channel: z.number().int().nullable(),
  rowOffset: z.number().int().nonnegative(),
  colOffset: z.number().int().nonnegative(),
  values: z.array(z.array(ZJsonNumber)),
});

const ZCaseResultV1 = z.object({
  name: z.string(),
  nameZh: z.string().optional(),
  points: z.number(),
  passed: z.boolean(),
  message: z.string(),
  messageZh: z.string().optional(),
  params: ZCaseParams,
  timeMs: z.number().nullable(),
  detail: z
    .object({
      input: z.array(ZHeatmapV1),
      inputPadding: z.object({ rows: z.number().int(), cols: z.number().int() }),
      expected: ZHeatmapV1,
      actual: ZHeatmapV1.nullable(),
      firstWrong: z
        .object({ index: z.array(z.number().int()), expected: z.number(), actual: ZJsonNumber, window: ZInputWindow.nullable() })
        .nullable(),
      maxError: ZJsonNumber.nullable(),
      expectedShape: z.array(z.number().int()),
      actualShape: z.array(z.number().int()).nullable(),
    })
    .nullable(),
});

export const ZGradingResultV1 = z.object({
  version: z.literal(1),
  exercise: z.string(),
  mode: ZGradingMode,
  status: ZGradingStatus,
  gradable: z.boolean(),
  score: z.number(),
  maxScore: z.number(),
  seed: z.number().int().nonnegative(),
  message: z.string().nullable(),
  messageZh: z.string().nullable().optional(),
  operatorMessage: z.string().nullable(),
  cases: z.array(ZCaseResultV1),
  diagnoses: z.array(z.object({ code: z.string(), message: z.string(), messageZh: z.string(), cases: z.array(z.string()) })),
  stdout: z.string(),
  stdoutTruncated: z.boolean(),
  timing: z.object({ wallMs: z.number() }),
});
export type TGradingResultV1 = z.infer<typeof ZGradingResultV1>;

const legacy = (en: string, zh: string | null | undefined): TMessage => message("legacyText", { en, zh: zh ?? en });

const convertHeatmap = ({ label, labelZh, ...rest }: z.infer<typeof ZHeatmapV1>) => ({ ...rest, label: legacy(label, labelZh) });

export function convertResultV1(v1: TGradingResultV1): TGradingResult {
  return ZGradingResult.parse({
    ...v1,
    version: RESULT_VERSION,
    message: v1.message === null ? null : legacy(v1.message, v1.messageZh),
    messageZh: undefined,
    cases: v1.cases.map(({ name, nameZh, message: text, messageZh, detail, ...rest }) => ({
      ...rest,
      name,
      title: legacy(name, nameZh),
      message: legacy(text, messageZh),
      detail: detail && {
        ...detail,
        input: detail.input.map(convertHeatmap),
        expected: convertHeatmap(detail.expected),
        actual: detail.actual && convertHeatmap(detail.actual),
      },
    })),
    diagnoses: v1.diagnoses.map(({ code, message: text, messageZh, cases }) => ({ code, message: legacy(text, messageZh), cases })),
  });
}
