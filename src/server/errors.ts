// The one error shape of ConvLab: domain code throws AppError; toErrorResponse maps it (and zod
// and Prisma not-found errors) to an HTTP status and a { error: { code, message } } body.
import { ZodError } from "zod";
import type { TLocale } from "@/i18n";
import { VALIDATION_MESSAGES_ZH } from "@/i18n/validation";
import { log } from "@/server/log";

export type TErrorCode =
  | "bad_request"
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<TErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    /** the same message in Simplified Chinese, shown to users who chose that language */
    readonly messageZh?: string,
  ) {
    super(message);
    this.name = "AppError";
  }

  messageFor(locale: TLocale): string {
    return locale === "zh-CN" && this.messageZh ? this.messageZh : this.message;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export interface TErrorBody {
  error: { code: TErrorCode; message: string };
}

/**
 * Reads the first zod issue as a sentence a user can act on. Our own messages are full sentences
 * that name their field; zod's built-in ones are not, so those get the field's path in front.
 */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is not valid.";
  const field = issue.path.join(".");
  const isOwnSentence = /^[A-Z].*\.$/.test(issue.message);
  return field && !isOwnSentence ? `${field}: ${issue.message}` : issue.message;
}

function isPrismaNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/** Converts any thrown value to the public error shape; unexpected errors are logged, not shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const message = describeZodError(error);
    return new AppError("validation", message, VALIDATION_MESSAGES_ZH[message]);
  }
  if (isPrismaNotFound(error)) return new AppError("not_found", "Not found.");
  log("http", "error", "unexpected error", { error: String(error), stack: (error as Error)?.stack });
  return new AppError("internal", "Something went wrong on our side. Please try again.");
}

export function toErrorResponse(error: unknown, locale: TLocale = "en"): Response {
  const appError = toAppError(error);
  const body: TErrorBody = { error: { code: appError.code, message: appError.messageFor(locale) } };
  return Response.json(body, { status: appError.status });
}
