// The OAuth authorization server's metadata (RFC 8414, path-suffixed for the issuer <app>/api/auth) is served by
// the backend; MCP clients look for it at the root of the app's address, so it is forwarded like /api/*. Other
// well-known documents are not ours to answer.
import { proxyToBackend } from "@/lib/backend-proxy";

export const dynamic = "force-dynamic";

const FORWARDED = new Set(["oauth-authorization-server", "openid-configuration"]);

async function handle(request: Request, context: { params: Promise<{ path: string[] }> }) {
  const { path } = await context.params;
  if (!FORWARDED.has(path[0] ?? ""))
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  return proxyToBackend(request, path, "/.well-known");
}

export const GET = handle;
export const HEAD = handle;
