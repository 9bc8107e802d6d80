// "Open in a new window" for browsers that block the iframe's cookies: a random one-time ticket,
// stored only as a hash and valid for two minutes, signs the browser in at the top level. It
// names a user and a page, never the LMS's id_token.
import { createHash, randomBytes } from "node:crypto";
import type { TDb } from "@/server/db-client";
import { LtiFailure } from "./lti-failure";

const TICKET_LIFETIME_MS = 2 * 60 * 1000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createLaunchTicket(db: TDb, options: { userId: string; redirectTo: string; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await db.ltiLaunchTicket.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.ltiLaunchTicket.create({ data: { tokenHash: hash(token), userId: options.userId, redirectTo: options.redirectTo, expiresAt: new Date(now.getTime() + TICKET_LIFETIME_MS) } });
  return token;
}

export async function redeemLaunchTicket(db: TDb, token: string, now = new Date()): Promise<{ userId: string; redirectTo: string }> {
  const tokenHash = hash(token);
  const claimed = await db.ltiLaunchTicket.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new LtiFailure("ticketInvalid", "unknown, used or expired launch ticket");
  const ticket = await db.ltiLaunchTicket.findUniqueOrThrow({ where: { tokenHash } });
  return { userId: ticket.userId, redirectTo: ticket.redirectTo };
}
