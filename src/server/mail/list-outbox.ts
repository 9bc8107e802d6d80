// The admin's view of the outbox: the latest mails with their state, newest first.
import "server-only";
import type { TDb } from "@/server/db-client";
import { readEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { canReadOutbox } from "@/server/permissions/account-permissions";
import type { TSessionUser } from "@/server/permissions/roles";

const OUTBOX_PAGE_SIZE = 200;

export interface TOutboxMailRow {
  id: string;
  to: string;
  kind: string;
  subject: string;
  text: string;
  status: "held" | "sending" | "sent" | "failed";
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export async function listOutbox(db: TDb, options: { user: TSessionUser; to?: string }): Promise<{ isSmtpConfigured: boolean; mails: TOutboxMailRow[] }> {
  if (!canReadOutbox(options.user)) throw new AppError("not_found", "notFound");
  const mails = await db.outboxMail.findMany({
    where: options.to ? { to: options.to } : {},
    orderBy: { createdAt: "desc" },
    take: OUTBOX_PAGE_SIZE,
    select: { id: true, to: true, kind: true, subject: true, text: true, status: true, error: true, createdAt: true, sentAt: true },
  });
  return { isSmtpConfigured: readEnv().SMTP_URL !== undefined, mails };
}
