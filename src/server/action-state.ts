// The state a form's server action returns: success, or one error in the one ConvLab shape.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getLocale } from "@/i18n/server";
import { toAppError, type TErrorCode } from "./errors";

export type TActionState =
  | { status: "idle" }
  | { status: "ok"; message?: string }
  /** fields: what the user typed (never passwords), so the form shows it again after an error */
  | { status: "error"; error: { code: TErrorCode; message: string }; fields?: Record<string, string> };

/** Runs an action body; redirects pass through, anything thrown becomes an error state. */
export async function runAction(body: () => Promise<TActionState>): Promise<TActionState> {
  try {
    return await body();
  } catch (error) {
    unstable_rethrow(error);
    const appError = toAppError(error);
    return { status: "error", error: { code: appError.code, message: appError.messageFor(await getLocale()) } };
  }
}
