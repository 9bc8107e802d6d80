// The one error shape of ConvLab: domain code throws AppError; toErrorResponse maps it (and zod
// and Prisma not-found errors) to an HTTP status and a { error: { code, message } } body.
import { ZodError } from "zod";
import { format, type TLocale } from "@/i18n";
import { errorMessages, type TErrorKey } from "@/i18n/errors";
import { formatWait } from "@/i18n/format-time";
import { isValidationKey, validationMessages, type TValidationKey } from "@/i18n/validation";
import { log } from "@/server/log";

export type TErrorCode =
  | "bad_request"
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
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
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** A message key: an AppError's own (src/i18n/errors.ts) or a validation one (src/i18n/validation.ts). */
export type TMessageKey = TErrorKey | TValidationKey;
export type TMessageParams = Record<string, string | number>;

/** A refusal that passes with time says how long: {wait} in its message, Retry-After in HTTP. */
export interface TAppErrorOptions {
  retryAfterSeconds?: number;
}

function wordMessage(key: TMessageKey, params: TMessageParams, locale: TLocale, retryAfterSeconds: number | undefined): string {
  const table: Record<string, string> = isValidationKey(key) ? validationMessages(locale) : errorMessages(locale);
  return format(table[key]!, retryAfterSeconds === undefined ? params : { ...params, wait: formatWait(retryAfterSeconds, locale) });
}

export class AppError extends Error {
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: TErrorCode,
    /** what to tell the user, looked up in the reader's language by messageFor */
    readonly key: TMessageKey,
    readonly params: TMessageParams = {},
    options: TAppErrorOptions = {},
  ) {
    const retryAfterSeconds = options.retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfterSeconds));
    super(wordMessage(key, params, "en", retryAfterSeconds));
    this.name = "AppError";
    this.retryAfterSeconds = retryAfterSeconds;
  }

  messageFor(locale: TLocale): string {
    return wordMessage(this.key, this.params, locale, this.retryAfterSeconds);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export interface TErrorBody {
  error: { code: TErrorCode; message: string };
}

/**
 * The first zod issue as an AppError a user can act on. Our schemas name a validation key as
 * their message; zod's built-in issues are worded by their issue code, with the field's path.
 */
export function zodErrorToAppError(error: ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError("validation", "requestInvalid");
  if (isValidationKey(issue.message)) return new AppError("validation", issue.message);
  const field = issue.path.join(".") || "request";
  const key = isValidationKey(issue.code) ? issue.code : "invalid";
  return new AppError("validation", key, { field });
}

function isPrismaNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/** Converts any thrown value to the public error shape; unexpected errors are logged, not shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return zodErrorToAppError(error);
  }
  if (isPrismaNotFound(error)) return new AppError("not_found", "notFound");
  log("http", "error", "unexpected error", { error: String(error), stack: (error as Error)?.stack });
  return new AppError("internal", "internal");
}

export function toErrorResponse(error: unknown, locale: TLocale = "en"): Response {
  const appError = toAppError(error);
  const body: TErrorBody = { error: { code: appError.code, message: appError.messageFor(locale) } };
  const headers = appError.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(appError.retryAfterSeconds) };
  return Response.json(body, { status: appError.status, headers });
}
