// The admin page to connect an LMS: the tool URLs to give it, the form for what it gives back, per
// registered LMS its deployments and the sites that may frame its launches, and ConvLab's signing key.
import { format } from "@/i18n";
import { ltiMessages } from "@/i18n/lti";
import { getLocale } from "@/i18n/server";
import { requireUserForPage } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { platformFrameOrigins, ZStoredFrameOrigins } from "@/server/lti/frame-ancestors";
import { buildToolUrls } from "@/server/lti/tool-urls";
import { canRegisterLtiPlatform } from "@/server/permissions/lti-permissions";
import { registerLtiPlatformAction, rotateLtiKeyAction, setLtiFrameOriginsAction } from "./actions";

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

export default async function AdminLtiPage({ searchParams }: { searchParams: Promise<{ registered?: string; framing?: string; rotated?: string; error?: string }> }) {
  const user = await requireUserForPage("/admin/lti");
  const t = ltiMessages(await getLocale());
  if (!canRegisterLtiPlatform(user)) return <p role="alert">{t.adminForbidden}</p>;
  const { registered, framing, rotated, error } = await searchParams;
  const urls = buildToolUrls();
  const platforms = await db.ltiPlatform.findMany({ include: { deployments: { orderBy: { createdAt: "asc" } } }, orderBy: { createdAt: "asc" } });
  const currentKey = await db.ltiToolKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, createdAt: true } });
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
      {framing ? <p role="status">{t.adminFrameOriginsSaved}</p> : null}
      {rotated ? <p role="status">{format(t.adminKeyRotated, { kid: rotated })}</p> : null}
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
      <ul className="flex flex-col gap-4 text-sm">
        {platforms.map((platform) => (
          <li key={platform.id} aria-label={platform.name} className="flex flex-col gap-1 rounded border p-3">
            <p>
              <strong>{platform.name}</strong>: <code>{platform.issuer}</code>, client id <code>{platform.clientId}</code>
            </p>
            <p>
              {t.adminDeployments}: {platform.deployments.map((d) => d.deploymentId).join(", ")}
            </p>
            <form action={setLtiFrameOriginsAction} className="flex flex-col gap-1">
              <input type="hidden" name="platformId" value={platform.id} />
              <label className="flex flex-col">
                {t.adminFrameOrigins}
                <textarea
                  name="frameOrigins"
                  rows={2}
                  defaultValue={(ZStoredFrameOrigins.safeParse(platform.frameOrigins).data ?? []).join("\n")}
                  aria-describedby={`frame-help-${platform.id}`}
                  className="rounded border px-2 py-1 font-mono"
                />
              </label>
              <p id={`frame-help-${platform.id}`} className="text-slate-700">
                {t.adminFrameOriginsHelp}
              </p>
              <p>{format(t.adminFrameOriginsInForce, { origins: platformFrameOrigins(platform).join(" ") })}</p>
              <button type="submit" className="self-start rounded border px-2 py-1">
                {t.adminFrameOriginsSave}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <h2 className="font-semibold">{t.adminKeys}</h2>
      <p className="text-sm text-slate-700">{t.adminKeysIntro}</p>
      <p className="text-sm">{currentKey ? format(t.adminKeyCurrent, { kid: currentKey.id, created: `${currentKey.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC` }) : t.adminKeyNone}</p>
      <form action={rotateLtiKeyAction}>
        <button type="submit" className="rounded border px-2 py-1 text-sm">
          {t.adminRotateKey}
        </button>
      </form>
    </section>
  );
}
