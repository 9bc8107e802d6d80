// Admins read the mail outbox: every mail ConvLab sent or kept, with its state. Without SMTP_URL
// this is where verification and reset links wait to be forwarded by hand.
import { notFound } from "next/navigation";
import { format } from "@/i18n";
import { emailMessages } from "@/i18n/email";
import { getLocale } from "@/i18n/server";
import { ZEmail } from "@/server/accounts/account-schemas";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/list-outbox";
import { orNotFound } from "@/server/permissions/page-guards";

export async function generateMetadata() {
  return { title: emailMessages(await getLocale()).outboxTitle };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const user = await requireUserForPage("/admin/outbox");
  const rawTo = (await searchParams).to;
  const to = rawTo === undefined ? undefined : ZEmail.safeParse(rawTo);
  if (to && !to.success) notFound();
  const { isSmtpConfigured, mails } = await orNotFound(listOutbox(db, { user, to: to?.data }));
  const locale = await getLocale();
  const t = emailMessages(locale);
  const when = (date: Date) => date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
  const stateOf = (mail: (typeof mails)[number]) => {
    if (mail.status === "held") return t.statusHeld;
    if (mail.status === "sending") return t.statusSending;
    if (mail.status === "sent") return format(t.statusSent, { at: mail.sentAt ? when(mail.sentAt) : "" });
    return format(t.statusFailed, { error: mail.error ?? "" });
  };
  return (
    <section aria-labelledby="outbox-heading">
      <h1 id="outbox-heading" className="mb-2 text-2xl font-semibold">
        {t.outboxTitle}
      </h1>
      <p className="mb-4 max-w-3xl text-slate-700">{isSmtpConfigured ? t.outboxIntroSmtp : t.outboxIntroHeld}</p>
      {mails.length === 0 ? (
        <p>{t.outboxEmpty}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-left text-sm" data-testid="outbox">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">{t.outboxCreated}</th>
              <th scope="col" className="p-2">{t.outboxTo}</th>
              <th scope="col" className="p-2">{t.outboxKind}</th>
              <th scope="col" className="p-2">{t.outboxSubject}</th>
              <th scope="col" className="p-2">{t.outboxStatus}</th>
              <th scope="col" className="p-2">{t.outboxBody}</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id} className="border-b border-slate-200 align-top" data-testid="outbox-mail" data-to={mail.to} data-kind={mail.kind} data-status={mail.status}>
                <td className="whitespace-nowrap p-2">{when(mail.createdAt)}</td>
                <td className="p-2">{mail.to}</td>
                <td className="p-2">{mail.kind}</td>
                <td className="p-2">{mail.subject}</td>
                <td className="p-2">{stateOf(mail)}</td>
                <td className="p-2">
                  {mail.text ? (
                    <details>
                      <summary className="cursor-pointer text-blue-800 underline">{t.outboxShowBody}</summary>
                      <pre className="mt-2 max-w-xl whitespace-pre-wrap break-all text-xs" data-testid="outbox-mail-text">
                        {mail.text}
                      </pre>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
