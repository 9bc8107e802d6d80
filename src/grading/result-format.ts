// The zod-free half of the result format (the schema is in result-schema.ts): stored text as
// { code, params } and its wording in the reader's language, and the number, shape and parameter
// formats every reader of a result (grader, UI, CLI) shares.
import { exerciseFeedbackMessages } from "@/i18n/exercise-feedback";
import { gradingMessages } from "@/i18n/grading";
import { LOCALES, type TLocale } from "@/i18n/index";

export const RESULT_VERSION = 2;
export const MAX_MESSAGE_LENGTH = 600;
export const MAX_STDOUT_LENGTH = 8_000;
/** Python's own text carried as a message param (an exception's message, a repr) is cut to this. */
export const MAX_PARAM_LENGTH = 2_000;

export type TMessageCode = keyof ReturnType<typeof gradingMessages> | keyof ReturnType<typeof exerciseFeedbackMessages>;

/** Data a message is worded around: Python's text, numbers, shapes, or a nested message. null shows as nothing. */
export type TMessageParam = string | number | null | TMessage;

/** A stored sentence: worded at display time from src/i18n/grading.ts and exercise-feedback.ts. */
export type TMessage = {
  code: TMessageCode;
  params: Record<string, TMessageParam>;
};

export function message(code: TMessageCode, params: Record<string, TMessageParam> = {}): TMessage {
  return { code, params };
}

function textsFor(locale: TLocale): Record<TMessageCode, string> {
  return { ...gradingMessages(locale), ...exerciseFeedbackMessages(locale) };
}

const TEXTS = Object.fromEntries(LOCALES.map((locale) => [locale, textsFor(locale)])) as Record<TLocale, Record<TMessageCode, string>>;

export function isMessageCode(code: string): code is TMessageCode {
  return Object.hasOwn(TEXTS.en, code);
}

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;

/** The message in `locale`, cut to maxLength characters when given. */
export function renderMessage(text: TMessage, locale: TLocale, maxLength?: number): string {
  const rendered = TEXTS[locale][text.code].replace(/\{(\w+)(:a)?\}/g, (whole, key: string, article?: string) => {
    if (!Object.hasOwn(text.params, key)) return whole;
    const value = text.params[key];
    const shown = value === null ? "" : typeof value === "object" ? renderMessage(value, locale) : String(value);
    return article ? withArticle(shown) : shown;
  });
  return maxLength === undefined ? rendered : capText(rendered, maxLength);
}

export function capText(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}

const NON_FINITE = ["NaN", "Infinity", "-Infinity"] as const;
/** A number as stored in JSON: finite numbers as themselves, NaN and ±Infinity as strings. */
export type TJsonNumber = number | (typeof NON_FINITE)[number];
export const NON_FINITE_NUMBERS = NON_FINITE;

export function encodeJsonNumber(value: number): TJsonNumber {
  if (Number.isFinite(value)) return value;
  return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
}

export function decodeJsonNumber(value: TJsonNumber): number {
  return typeof value === "number" ? value : Number(value);
}

/** A shape as Python prints a tuple: (5,), (2, 3), (). */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** Numbers as Python prints them, shortened: nan, inf, 5.0, 0.123457. */
export function formatNumber(value: number, isInteger = false): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (isInteger) return String(value);
  const short = String(Number(value.toPrecision(6)));
  return /[.e]/.test(short) ? short : `${short}.0`;
}

/** Shapes ("img.shape": [5, 7]) and parameters ("stride": 2, "padding": [1, 0], "stride": null for None). */
export type TCaseParams = Record<string, number | number[] | null>;

export function formatParams(params: TCaseParams): string {
  return Object.entries(params)
    .map(([key, value]) => {
      if (value === null) return `${key}=None`;
      if (typeof value === "number") return `${key}=${value}`;
      return `${key}=${key.endsWith(".shape") ? formatShape(value) : `(${value.join(", ")})`}`;
    })
    .join(", ");
}
