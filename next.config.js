// Next.js configuration. Telemetry is disabled in scripts (NEXT_TELEMETRY_DISABLED) because
// campus machines and CI may have no route to the internet.
/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build checks the app's own code; `npm run typecheck` (part of `npm test`) checks tests and scripts too.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // The sandbox runner spawns processes and reads runner/ and exercises/ from disk at run time.
  serverExternalPackages: ["better-sqlite3", "pg", "pg-boss"],
  experimental: {
    serverActions: {
      // Student code is capped at 64 KB by validation; this leaves room for form overhead so the
      // oversized-code message comes from our validation rather than a generic 413.
      bodySizeLimit: "256kb",
    },
  },
};
