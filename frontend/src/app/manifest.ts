import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): what makes the app installable (issue 14). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Todo",
    short_name: "Todo",
    description: "Your tasks, with an assistant that understands plain language.",
    start_url: "/tasks",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#171717",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
