// The Content-Security-Policy of ConvLab's pages (set per request by proxy.ts, with a fresh nonce
// for Next.js's inline scripts). Everything the app loads comes from its own bundle: Monaco and its
// worker, KaTeX's fonts, Recharts' SVG. No 'unsafe-eval' outside `next dev` (React's dev build needs it).

/**
 * Who may frame ConvLab's pages: nobody (clickjacking of instructor pages), except the LMS
 * platforms a browser's LTI launch granted (src/server/lti/frame-grant.ts); this function is the
 * one place that decides it.
 */
export function buildFrameAncestors(grantedOrigins: readonly string[] = []): string {
  return grantedOrigins.length > 0 ? grantedOrigins.join(" ") : "'none'";
}

export function buildContentSecurityPolicy(options: { nonce: string; isDevelopment: boolean; framedBy?: readonly string[] }): string {
  const directives: Record<string, string> = {
    "default-src": "'self'",
    "script-src": `'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Monaco, KaTeX and Recharts set inline styles; styles cannot run code.
    "style-src": "'self' 'unsafe-inline'",
    "font-src": "'self' data:",
    "img-src": "'self' data: blob:",
    "worker-src": "'self' blob:",
    "connect-src": options.isDevelopment ? "'self' ws:" : "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": buildFrameAncestors(options.framedBy),
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}
