// The picker's choice → a signed LtiDeepLinkingResponse, form-posted back to the LMS.
import { respondToDeepLinkChoice } from "@/server/lti/respond-to-deep-link";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export const POST = (request: Request) => respondToDeepLinkChoice(db, request);
