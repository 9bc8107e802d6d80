// OIDC third-party login initiation (issue 15): platforms may use GET or POST.
import { respondToLogin } from "@/server/lti/respond-to-launch";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => respondToLogin(db, request);
export const POST = (request: Request) => respondToLogin(db, request);
