// Why a launch was refused. Each reason has a page text (src/i18n/lti.ts) saying what to tell the
// LMS admin; the detail goes to the log only, never to the page.
import { log } from "@/server/log";
export type TLtiFailureReason =
  | "tokenMissing"
  | "tokenMalformed"
  | "algorithmRefused"
  | "platformUnknown"
  | "audienceWrong"
  | "signatureInvalid"
  | "tokenExpired"
  | "tokenFromFuture"
  | "jwksUnreachable"
  | "stateMissing"
  | "nonceReplayed"
  | "deploymentUnknown"
  | "claimsMissing"
  | "messageTypeUnsupported"
  | "versionUnsupported"
  | "loginRequestInvalid"
  | "roleUnsupported"
  | "courseNotLinked"
  | "assignmentNotLinked"
  | "ticketInvalid"
  | "internalError";

export class LtiFailure extends Error {
  constructor(
    readonly reason: TLtiFailureReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = "LtiFailure";
  }
}

/** One JSON log line per refusal, so an operator can answer the LMS admin's question. */
export function logLtiFailure(failure: LtiFailure, where: string): void {
  log("lti", "warn", "lti launch refused", { where, reason: failure.reason, detail: failure.detail });
}
