import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The monorepo root: the standalone output then keeps the workspace layout (.next/standalone/frontend/server.js).
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

const nextConfig: NextConfig = {
  output: "standalone",
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  poweredByHeader: false,
  // CalDAV collections end in "/" (/dav/calendars/<id>/): Next.js's own slash-removing redirect would break every
  // client, so proxy.ts removes trailing slashes itself for everything except CalDAV.
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  transpilePackages: ["@todo/contract"],
  async headers() {
    return [
      {
        // The service worker is checked for updates on every visit; never kept by an HTTP cache.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
        ],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
