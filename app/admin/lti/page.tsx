// The admin page to connect an LMS: the tool URLs to give it, and the form for what it gives back.
import { ltiMessages } from "@/i18n/lti";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { buildToolUrls } from "@/server/lti/tool-urls";
import { canRegisterLtiPlatform } from "@/server/permissions/lti-permissions";
import { registerLtiPlatformAction } from "./actions";

export async function generateMetadata() {
  return { title: ltiMessages(await getLocale()).adminTitle };
}

const FIELDS = [
  ["issuer", "adminIssuer"],
  ["clientId", "adminClientId"],
  ["deploymentId", "adminDeploymentId"],
  ["authLoginUrl", "adminAuthLoginUrl"],
  ["authTokenUrl", "adminAuthTokenUrl"],
  ["jwksUrl", "adminJwksUrl"],
  ["name", "adminName"],
] as const;

export default async function AdminLtiPage({ searchParams }: { searchParams: Promise<{ registered?: string; error?: string }> }) {
  const user = await requireUserForPage("/admin/lti");
  const t = ltiMessages(await getLocale());
  if (!canRegisterLtiPlatform(user)) return <p role="alert">{t.adminForbidden}</p>;
  const { registered, error } = await searchParams;
  const urls = buildToolUrls();
  const platforms = await db.ltiPlatform.findMany({ include: { deployments: true }, orderBy: { createdAt: "asc" } });
  return (
    <section aria-labelledby="lti-admin-heading" className="flex max-w-3xl flex-col gap-4">
      <h1 id="lti-admin-heading" className="text-xl font-semibold">
        {t.adminTitle}
      </h1>
      <p className="text-sm text-slate-700">{t.adminIntro}</p>
      <h2 className="font-semibold">{t.adminToolUrls}</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
        {Object.entries(urls).map(([what, url]) => (
          <div key={what} className="contents">
            <dt className="font-medium">{what}</dt>
            <dd>
              <code>{url}</code>
            </dd>
          </div>
        ))}
      </dl>
      {registered ? <p role="status">{t.adminRegistered}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
      <form action={registerLtiPlatformAction} className="flex flex-col gap-2">
        {FIELDS.map(([name, label]) => (
          <label key={name} className="flex flex-col text-sm">
            {t[label]}
            <input name={name} required={name !== "name"} className="rounded border px-2 py-1" />
          </label>
        ))}
        <button type="submit" className="self-start rounded bg-blue-700 px-3 py-1 text-white">
          {t.adminRegister}
        </button>
      </form>
      <h2 className="font-semibold">{t.adminPlatforms}</h2>
      <ul className="text-sm">
        {platforms.map((platform) => (
          <li key={platform.id}>
            {platform.name}: <code>{platform.issuer}</code>, client id <code>{platform.clientId}</code>, deployments {platform.deployments.map((d) => d.deploymentId).join(", ")}
          </li>
        ))}
      </ul>
    </section>
  );
}
