import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { PwaSupport } from "@/features/pwa/pwa-support";
import { getConfig } from "@/lib/config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Todo", template: "%s · Todo" },
  description: "Your tasks, with an assistant that understands plain language.",
  applicationName: "Todo",
  appleWebApp: { capable: true, title: "Todo", statusBarStyle: "default" },
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#1a1a1a" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request nonce of the Content-Security-Policy (src/proxy.ts); reading it renders every page per request.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh font-sans">
        <Providers nonce={nonce}>{children}</Providers>
        {/* Not under `next dev`: a worker caching its changing bundles would serve stale code. */}
        <PwaSupport register={!getConfig().development} />
      </body>
    </html>
  );
}
