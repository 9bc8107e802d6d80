// "Open in a new window": redeems a one-time launch ticket into a session at the top level.
import { respondToTicket } from "@/server/lti/respond-to-launch";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => respondToTicket(db, request);
