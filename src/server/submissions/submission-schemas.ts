// Request bodies of the workspace API.
import { z } from "zod";
import { ZCode } from "./code-schema";

export const ZRouteIds = z.object({
  assignmentId: z.string().min(1).max(64),
  slug: z.string().regex(/^[a-z0-9-]{1,64}$/, "exerciseUnknown"),
});

/** A case's position in its grading's list of cases, from a URL. */
export const ZCaseIndex = z.object({ caseIndex: z.coerce.number().int().min(0).max(999) });

export const ZRunInput = z.object({ code: ZCode });

export const ZSubmitInput = z.object({
  code: ZCode,
  /** generated once per click in the browser; a retried or doubled request reuses it */
  clientToken: z.string().min(8, "clientToken must be at least 8 characters.").max(64).regex(/^[\w-]+$/, "clientToken may use letters, digits, - and _ only."),
});

export const ZDraftInput = z.object({ code: z.string().max(64 * 1024, "codeTooLarge") });

/** Largest request body the workspace accepts: 64 KB of code as JSON-escaped text, with room. */
export const MAX_WORKSPACE_BODY_BYTES = 400 * 1024;
