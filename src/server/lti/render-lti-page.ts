// The small HTML pages of the launch flow, served straight from the route handlers: they run
// inside the LMS's iframe before any ConvLab session exists, so they carry no app layout.
import { format, type TLocale } from "@/i18n";
import { ltiMessages } from "@/i18n/lti";
import { frameAncestorsDirective } from "./frame-ancestors";
import type { LtiFailure } from "./lti-failure";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(locale: TLocale, title: string, body: string, scriptNonce: string | null, frameAncestors: string[]): { html: string; csp: string } {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.4rem}a.button{display:inline-block;padding:.5rem 1rem;background:#1d4ed8;color:#fff;border-radius:.375rem;text-decoration:none}.muted{color:#6b7280;font-size:.875rem}</style></head><body>${body}</body></html>`;
  const scripts = scriptNonce ? `script-src 'nonce-${scriptNonce}'` : "script-src 'none'";
  return { html, csp: `default-src 'self'; style-src 'unsafe-inline'; ${scripts}; ${frameAncestorsDirective(frameAncestors)}` };
}

/** The landing page: continues to `target` when the session cookie stuck, else offers a new window. */
export function renderLaunchPage(options: { locale: TLocale; target: string; ticketUrl: string; nonce: string; frameAncestors: string[] }) {
  const t = ltiMessages(options.locale);
  const body = `<h1>${escapeHtml(t.launchTitle)}</h1><p id="continuing">${escapeHtml(t.launchContinuing)}</p>
<div id="blocked" hidden><p>${escapeHtml(t.launchBlockedCookies)}</p><p><a class="button" href="${escapeHtml(options.ticketUrl)}" target="_blank" rel="noopener">${escapeHtml(t.launchOpenWindow)}</a></p></div>
<script nonce="${options.nonce}">
(function(){var target=${JSON.stringify(options.target)};function blocked(){document.getElementById("continuing").hidden=true;document.getElementById("blocked").hidden=false;}
fetch("/api/auth/get-session",{credentials:"same-origin"}).then(function(r){return r.json();}).then(function(s){if(s&&s.session){location.replace(target);}else{blocked();}},blocked);})();
</script>`;
  return page(options.locale, t.launchTitle, body, options.nonce, options.frameAncestors);
}

export function renderFailurePage(options: { locale: TLocale; failure: LtiFailure; frameAncestors: string[]; now?: Date }) {
  const t = ltiMessages(options.locale);
  const time = (options.now ?? new Date()).toISOString();
  const body = `<h1>${escapeHtml(t.errorTitle)}</h1><p>${escapeHtml(t.errorTellAdmin)}</p><p id="lti-error" data-reason="${options.failure.reason}"><strong>${escapeHtml(t[options.failure.reason])}</strong></p>
<p class="muted">${escapeHtml(format(t.errorReference, { reason: options.failure.reason, time }))}</p>`;
  return page(options.locale, t.errorTitle, body, null, options.frameAncestors);
}

/** An HTML page that POSTs a form on its own: how a deep-linking response returns to the LMS. */
export function renderAutoPostPage(options: { locale: TLocale; action: string; fields: Record<string, string>; nonce: string; frameAncestors: string[] }) {
  const inputs = Object.entries(options.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const body = `<form id="return" method="post" action="${escapeHtml(options.action)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form><script nonce="${options.nonce}">document.getElementById("return").submit();</script>`;
  const rendered = page(options.locale, "ConvLab", body, options.nonce, options.frameAncestors);
  return { html: rendered.html, csp: `${rendered.csp}; form-action ${new URL(options.action).origin}` };
}
