// Sends one mail. The outbox row is written first, so every mail is on record: without SMTP_URL
// it stays "held" for an admin to read; with SMTP_URL it is delivered in the background and the
// row keeps the outcome (sent or failed with the SMTP server's answer).
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/server/db";
import { readEnv } from "@/server/env";
import { log } from "@/server/log";

export interface TMail {
  to: string;
  /** what the mail is for ("verify-email", "reset-password"): shown to admins, used for cooldowns */
  kind: string;
  subject: string;
  text: string;
  html?: string;
}

const ERROR_MAX_LENGTH = 500;

let transport: { url: string; transporter: Transporter } | undefined;

function getTransporter(url: string): Transporter {
  if (transport?.url !== url) {
    // Short timeouts (which the URL's own query may override): a dead SMTP server should fail a
    // mail within a minute, not hold it in "sending" for ten.
    transport = { url, transporter: nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }) };
  }
  return transport.transporter;
}

async function deliver(id: string, mail: TMail, smtpUrl: string, from: string): Promise<void> {
  try {
    await getTransporter(smtpUrl).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    // A delivered mail's links are live credentials until they expire: keep the record, not them.
    await db.outboxMail.update({ where: { id }, data: { status: "sent", sentAt: new Date(), text: "", html: null } });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX_LENGTH);
    log("mail", "error", "mail delivery failed", { mailId: id, kind: mail.kind, error: message });
    await db.outboxMail.update({ where: { id }, data: { status: "failed", error: message } }).catch(() => undefined);
  }
}

/**
 * Records the mail and, with SMTP_URL set, starts its delivery. Callers need not wait for
 * `delivered` (it never rejects): answering before the SMTP exchange keeps response times from
 * telling whether an address has an account.
 */
export async function sendMail(mail: TMail): Promise<{ id: string; delivered: Promise<void> }> {
  const { SMTP_URL, MAIL_FROM } = readEnv();
  const row = await db.outboxMail.create({
    data: { to: mail.to, kind: mail.kind, subject: mail.subject, text: mail.text, html: mail.html ?? null, status: SMTP_URL ? "sending" : "held" },
    select: { id: true },
  });
  const delivered = SMTP_URL ? deliver(row.id, mail, SMTP_URL, MAIL_FROM) : Promise.resolve();
  return { id: row.id, delivered };
}

/** Seconds since the last mail of this kind to this address, if within `withinSeconds`. */
export async function secondsSinceLastMail(options: { to: string; kind: string; withinSeconds: number }): Promise<number | null> {
  const since = new Date(Date.now() - options.withinSeconds * 1000);
  const last = await db.outboxMail.findFirst({
    where: { to: options.to, kind: options.kind, createdAt: { gte: since }, status: { not: "failed" } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return last ? Math.max(0, Math.floor((Date.now() - last.createdAt.getTime()) / 1000)) : null;
}
