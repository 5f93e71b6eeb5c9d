// API reference UI at /docs, served from the local swagger-ui-dist package (no CDN).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";

const ASSETS = new Set(["swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"]);

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>todo-app API reference</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#ui", deepLinking: true });`;

export function docsRoutes() {
  const router = new Hono();
  const root = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  router.get("/docs", (c) => c.html(PAGE));
  router.get("/docs/assets/swagger-ui-init.js", (c) => c.body(INIT, 200, { "Content-Type": "text/javascript" }));
  router.get("/docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    if (!ASSETS.has(file)) return c.notFound();
    const type = file.endsWith(".css") ? "text/css" : "text/javascript";
    return c.body(await readFile(join(root, file)), 200, {
      "Content-Type": type,
      "Cache-Control": "public, max-age=86400",
    });
  });
  return router;
}
