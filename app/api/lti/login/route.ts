// OIDC third-party login initiation (issue 15): platforms may use GET or POST.
import { respondToLogin } from "@/server/lti/respond-to-launch";

export const dynamic = "force-dynamic";

export const GET = respondToLogin;
export const POST = respondToLogin;
