// Next.js configuration. Telemetry is disabled in scripts (NEXT_TELEMETRY_DISABLED) because
// campus machines and CI may have no route to the internet.
/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build checks the app's own code; `npm run typecheck` (part of `npm test`) checks tests and scripts too.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // The sandbox runner spawns processes and reads runner/ and exercises/ from disk at run time.
  // Dolos loads its tree-sitter parsers as native addons, which a bundle cannot hold.
  serverExternalPackages: ["better-sqlite3", "pg", "pg-boss", "@dodona/dolos-lib", "@dodona/dolos-parsers", "tree-sitter"],
  // Headers for every response; the Content-Security-Policy (with its per-request nonce and
  // frame-ancestors) is set on pages by proxy.ts from src/server/security-headers.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value: "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), xr-spatial-tracking=()",
          },
        ],
      },
    ];
  },
  experimental: {
    // Pages go through proxy.ts, for which Next.js copies the request body; a server action needs
    // no more than its own limit below, so no copy grows past it.
    proxyClientMaxBodySize: "256kb",
    serverActions: {
      // Student code is capped at 64 KB by validation; this leaves room for form overhead so the
      // oversized-code message comes from our validation rather than a generic 413.
      bodySizeLimit: "256kb",
    },
  },
};
