// The OAuth 2.1 authorization server for MCP clients (design section 15, docs/decisions/023-mcp-oauth-built.md):
// Better Auth's jwt plugin signs the access tokens, @better-auth/oauth-provider serves metadata (RFC 8414),
// authorization code + PKCE S256, dynamic client registration (RFC 7591), refresh, revocation and consent. Every
// token is issued for the one resource, the MCP endpoint (RFC 8707), and carries it as its audience.
import { oauthProvider } from "@better-auth/oauth-provider";
import { OAUTH_SCOPES } from "@todo/contract/oauth";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { jwt } from "better-auth/plugins/jwt";
import type { Config } from "../config";

/** Access tokens live an hour; the refresh token (offline_access) keeps a connection for 30 days of disuse. */
const ACCESS_TOKEN_SECONDS = 60 * 60;

export function oauthPlugins(config: Config) {
  const app = config.appUrl.replace(/\/$/, "");
  return [
    jwt({ jwt: { issuer: `${config.authUrl.replace(/\/$/, "")}/api/auth`, expirationTime: "1h" } }),
    oauthProvider({
      scopes: [...OAUTH_SCOPES],
      loginPage: `${app}/sign-in`,
      consentPage: `${app}/consent`,
      // MCP clients register themselves (RFC 7591) before the person signs in: public clients, PKCE always.
      allowDynamicClientRegistration: true,
      allowUnauthenticatedClientRegistration: true,
      resources: [
        { identifier: config.mcpPublicUrl, name: "todo-app MCP server", accessTokenTtl: ACCESS_TOKEN_SECONDS },
      ],
      resourceSeedMode: "merge",
      clientRegistrationDefaultResources: [config.mcpPublicUrl],
      accessTokenExpiresIn: ACCESS_TOKEN_SECONDS,
      // Only the authorization code and refresh grants: no machine clients of their own.
      grantTypes: ["authorization_code", "refresh_token"],
    }),
    nativeClientRegistration,
  ];
}

/** A redirect a native app (desktop or CLI) listens on: http on a loopback host, or a private-use scheme. */
function isNativeRedirect(uri: unknown): boolean {
  if (typeof uri !== "string") return false;
  try {
    const url = new URL(uri);
    if (url.protocol === "http:") return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    return url.protocol !== "https:";
  } catch {
    return false;
  }
}

/**
 * MCP desktop and CLI clients (Claude Code, Cursor, VS Code, the Inspector) register loopback redirects without
 * saying `application_type`, whose RFC 7591 default, "web", the plugin holds to https-only redirects. A registration
 * without it whose every redirect is native is registered as "native" (loopback http or a private-use scheme stays
 * the only thing it may use); a stated type is left alone.
 */
const nativeClientRegistration = {
  id: "native-client-registration",
  hooks: {
    before: [
      {
        matcher: (ctx: { path?: string }) => ctx.path === "/oauth2/register",
        handler: createAuthMiddleware(async (ctx) => {
          const body = ctx.body as { application_type?: unknown; redirect_uris?: unknown } | undefined;
          if (!body || body.application_type !== undefined || !Array.isArray(body.redirect_uris)) return;
          if (body.redirect_uris.length === 0 || !body.redirect_uris.every(isNativeRedirect)) return;
          return { context: { body: { ...body, application_type: "native" } } };
        }),
      },
    ],
  },
} satisfies BetterAuthPlugin;
