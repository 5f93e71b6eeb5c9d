// OAuth 2.1 for MCP clients (design section 15): the scopes the authorization server offers, what each lets an app
// do (shown on the consent page), and the shape of a connected app in Settings.
import { z } from "zod";

/** Every scope the authorization server knows, in the order the consent page lists them. */
export const OAUTH_SCOPES = ["openid", "profile", "email", "offline_access"] as const;
export type OAuthScope = (typeof OAUTH_SCOPES)[number];

/** What a scope lets the app do, in words for the consent page. */
export const OAUTH_SCOPE_DESCRIPTIONS: Record<OAuthScope, string> = {
  openid: "Know who you are (your account id)",
  profile: "See your name",
  email: "See your email address",
  offline_access: "Stay connected until you disconnect it (refresh tokens)",
};

/** What every token issued for the MCP server allows, whatever its scopes: the tools act on your tasks. */
export const MCP_ACCESS_DESCRIPTION =
  "Read, create, change, complete and delete your tasks and projects through the MCP tools";

/** A connected app in Settings: one grant (consent) of one OAuth client for the signed-in person. */
export const ConnectedApp = z.object({
  client_id: z.string(),
  name: z.string(),
  /** Host of the client's first redirect URI: where the sign-in went back to. */
  redirect_host: z.string().nullable(),
  scopes: z.array(z.string()),
  connected_at: z.iso.datetime({ offset: true }),
  last_used_at: z.iso.datetime({ offset: true }).nullable(),
});
export type ConnectedApp = z.infer<typeof ConnectedApp>;
