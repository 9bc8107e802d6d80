// The redirect URI: resource-link launches and deep-linking requests arrive here as form posts.
import { respondToLaunch } from "@/server/lti/respond-to-launch";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export const POST = (request: Request) => respondToLaunch(db, request);
