// OAuth 2.1 for MCP clients end to end (issue 16): the official MCP SDK client with its OAuthClientProvider against
// the real backend (authorization server) and MCP server, both listening on HTTP. The test plays the person only:
// it signs in and posts the consent as the pages do; discovery, registration, PKCE, the token exchange, refresh and
// revocation are the SDK's and Better Auth's own.
import { type ServerType, serve } from "@hono/node-server";
import {
  auth,
  discoverAuthorizationServerMetadata,
  type OAuthClientProvider,
  UnauthorizedError,
} from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackendOn, type TestBackend } from "../../test/backend";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../test/databases";
import { MCP_TEST_SECRET, toolJson } from "../../test/mcp";
import { createMcpApp } from "./app";
import { loadConfig } from "./config";

const REDIRECT = "http://127.0.0.1:1/callback";

/** An MCP client's token store, as a desktop client keeps it; the authorization URL is where it would open a browser. */
class TestProvider implements OAuthClientProvider {
  info: OAuthClientInformationMixed | undefined;
  stored: OAuthTokens | undefined;
  verifier = "";
  authorizationUrl: URL | undefined;
  get redirectUrl() {
    return REDIRECT;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "Test Connector",
      redirect_uris: [REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "openid profile email offline_access",
    };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.stored;
  }
  saveTokens(tokens: OAuthTokens) {
    this.stored = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

type Fetch = (request: Request) => Response | Promise<Response>;

/**
 * A server on a port the OS picks (port 0), whose handler is set once its address is known: the backend and the
 * MCP server must be configured with their own public URLs.
 */
function listenOnPortZero(): Promise<{ server: ServerType; origin: string; handle: (fetch: Fetch) => void }> {
  let handler: Fetch = () => new Response(null, { status: 503 });
  return new Promise((resolve) => {
    const server = serve({ fetch: (request) => handler(request), hostname: "127.0.0.1", port: 0 }, (info) =>
      resolve({ server, origin: `http://127.0.0.1:${info.port}`, handle: (fetch) => (handler = fetch) }),
    );
  });
}

function close(server: ServerType | undefined): Promise<unknown> {
  return new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
}

describe.each(databaseKinds)("OAuth for MCP clients (%s)", (kind) => {
  let database: TestDatabase;
  let api: TestBackend;
  const servers: ServerType[] = [];
  let mcpUrl: string;
  let otherMcpUrl: string;
  let authBase: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [backend, mcp, other] = [await listenOnPortZero(), await listenOnPortZero(), await listenOnPortZero()];
    servers.push(backend.server, mcp.server, other.server);
    authBase = backend.origin;
    mcpUrl = `${mcp.origin}/mcp`;
    otherMcpUrl = `${other.origin}/mcp`;
    const mcpApp = (url: string) =>
      createMcpApp({
        config: loadConfig({
          NODE_ENV: "test",
          BETTER_AUTH_SECRET: MCP_TEST_SECRET,
          DATA_DIR: "/tmp/todo-mcp-test",
          LOG_LEVEL: "silent",
          MCP_PUBLIC_URL: url,
          BETTER_AUTH_URL: authBase,
        }),
        database: database.handle,
        logger: pino({ level: "silent" }),
      }).fetch;
    mcp.handle(mcpApp(mcpUrl));
    // Another resource on the same database: a token for mcpUrl must not open it.
    other.handle(mcpApp(otherMcpUrl));
    api = await createTestBackendOn(database, {
      BETTER_AUTH_URL: authBase,
      MCP_PUBLIC_URL: mcpUrl,
      APP_URL: "http://127.0.0.1:3999",
    });
    backend.handle(api.app.fetch);
  });

  afterAll(async () => {
    await Promise.all(servers.map(close));
    await database?.drop();
  });

  /** What the sign-in and consent pages do: sign in with the signed query, then accept on the consent page. */
  async function actAsPerson(authorizationUrl: URL, email: string): Promise<string> {
    // The browser opens the authorization URL. Better Auth redirects a navigation and answers a fetch (Node's fetch
    // always says sec-fetch-mode: cors) with the same address as JSON.
    const toLogin = await fetch(authorizationUrl, { redirect: "manual", headers: { accept: "text/html" } });
    const login = new URL(
      toLogin.status === 302 ? toLogin.headers.get("location")! : ((await toLogin.json()) as { url: string }).url,
    );
    expect(login.origin + login.pathname).toBe("http://127.0.0.1:3999/sign-in");
    const signIn = await fetch(`${authBase}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "correct horse 1", oauth_query: login.search.slice(1) }),
    });
    expect(signIn.status).toBe(200);
    const session = signIn.headers.get("set-auth-token")!;
    const next = (await signIn.json()) as { redirect: boolean; url: string };
    const consentPage = new URL(next.url);
    expect(consentPage.origin + consentPage.pathname).toBe("http://127.0.0.1:3999/consent");
    expect(consentPage.searchParams.get("client_id")).toBeTruthy();
    const consent = await fetch(`${authBase}/api/auth/oauth2/consent`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${session}` },
      body: JSON.stringify({ accept: true, oauth_query: consentPage.search.slice(1) }),
    });
    expect(consent.status).toBe(200);
    const answer = (await consent.json()) as { url?: string; redirect_uri?: string };
    const back = new URL((answer.url ?? answer.redirect_uri)!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    return back.searchParams.get("code")!;
  }

  /** The SDK's whole flow for one person: 401, discovery, registration, authorization, token. */
  async function connectWithOAuth(email: string) {
    const provider = new TestProvider();
    const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
    await expect(new Client({ name: "oauth-test", version: "1.0.0" }).connect(first)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(provider.info?.client_id).toBeTruthy();
    const authorizationUrl = provider.authorizationUrl!;
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("resource")).toBe(mcpUrl);
    const code = await actAsPerson(authorizationUrl, email);
    await first.finishAuth(code);
    expect(provider.stored?.access_token).toBeTruthy();
    expect(provider.stored?.refresh_token).toBeTruthy();
    const client = new Client({ name: "oauth-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
    return { provider, client };
  }

  it("serves the discovery documents and names them in every 401", async () => {
    const res = await fetch(mcpUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(401);
    const metadataUrl = `${new URL(mcpUrl).origin}/.well-known/oauth-protected-resource/mcp`;
    expect(res.headers.get("www-authenticate")).toContain(`resource_metadata="${metadataUrl}"`);
    const bad = await fetch(mcpUrl, {
      method: "POST",
      headers: { authorization: "Bearer nope.nope.nope" },
      body: "{}",
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain(`resource_metadata="${metadataUrl}"`);
    for (const url of [metadataUrl, `${new URL(mcpUrl).origin}/.well-known/oauth-protected-resource`]) {
      const prm = (await (await fetch(url)).json()) as { resource: string; authorization_servers: string[] };
      expect(prm.resource).toBe(mcpUrl);
      expect(prm.authorization_servers).toEqual([`${authBase}/api/auth`]);
    }
    const as = await discoverAuthorizationServerMetadata(`${authBase}/api/auth`);
    expect(as?.issuer).toBe(`${authBase}/api/auth`);
    expect(as?.code_challenge_methods_supported).toEqual(["S256"]);
    expect(as?.client_id_metadata_document_supported).not.toBe(true); // not offered (docs/decisions/023)
    expect(as?.registration_endpoint).toBe(`${authBase}/api/auth/oauth2/register`);
    expect((as as { revocation_endpoint?: string }).revocation_endpoint).toBe(`${authBase}/api/auth/oauth2/revoke`);
  });

  it("registers web connectors (https) and native apps (loopback), and refuses plain http elsewhere", async () => {
    const register = (redirect: string) =>
      fetch(`${authBase}/api/auth/oauth2/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ client_name: "x", redirect_uris: [redirect], token_endpoint_auth_method: "none" }),
      });
    const claude = await register("https://claude.ai/api/mcp/auth_callback");
    expect(claude.status).toBe(201);
    expect(((await claude.json()) as { application_type?: string }).application_type ?? "web").toBe("web");
    const cli = await register("http://localhost:33418/callback");
    expect(cli.status).toBe(201);
    expect(((await cli.json()) as { application_type: string }).application_type).toBe("native");
    expect((await register("http://evil.example/callback")).status).toBe(400);
  });

  it("signs in, calls a tool, refreshes, revokes; one person's token never reaches another's tasks", async () => {
    const alice = await api.signUp("Alice");
    const bob = await api.signUp("Bob");
    // Task numbers are per person: Bob's third task is a number Alice never has.
    for (const title of ["Bob one", "Bob two"])
      await api.request("POST", "/api/tasks", { body: { title }, headers: bob.headers });
    const bobTask = await api.request("POST", "/api/tasks", { body: { title: "Bob's secret" }, headers: bob.headers });
    expect(bobTask.status).toBe(201);
    expect(bobTask.json.id).toBe(3);

    const { provider, client } = await connectWithOAuth(alice.email);
    const created = toolJson(await client.callTool({ name: "add_task", arguments: { title: "Written over OAuth" } }));
    expect(created.title).toBe("Written over OAuth");
    const listed = toolJson(await client.callTool({ name: "list_tasks", arguments: {} }));
    expect(listed.map((t: { title: string }) => t.title)).toEqual(["Written over OAuth"]);
    // Bob's tasks are not Alice's to see or change.
    const found = toolJson(await client.callTool({ name: "find_tasks", arguments: { text: "secret" } }));
    expect(JSON.stringify(found)).not.toContain("Bob");
    const peek = await client.callTool({ name: "update_task", arguments: { task_id: bobTask.json.id, title: "Mine" } });
    expect(peek.isError).toBe(true);
    const touch = await client.callTool({ name: "complete_task", arguments: { task_id: bobTask.json.id } });
    expect(touch.isError).toBe(true);
    const bobsNow = await api.request("GET", `/api/tasks/${bobTask.json.id}`, { headers: bob.headers });
    expect(bobsNow.json).toMatchObject({ title: "Bob's secret", completed: false });
    await client.close();

    // The token is for this MCP server only.
    const elsewhere = await fetch(otherMcpUrl, {
      method: "POST",
      headers: { authorization: `Bearer ${provider.stored!.access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(elsewhere.status).toBe(401);

    // Settings -> Connected apps lists it, with its last use.
    const apps = await api.request("GET", "/api/connected-apps", { headers: alice.headers });
    expect(apps.status).toBe(200);
    expect(apps.json.apps).toHaveLength(1);
    expect(apps.json.apps[0]).toMatchObject({ name: "Test Connector", redirect_host: "127.0.0.1:1" });
    expect(apps.json.apps[0].last_used_at).not.toBeNull();
    expect((await api.request("GET", "/api/connected-apps", { headers: bob.headers })).json.apps).toEqual([]);

    // Refresh: the SDK trades the refresh token for new tokens, and the new access token works.
    const before = provider.stored!;
    expect(await auth(provider, { serverUrl: mcpUrl })).toBe("AUTHORIZED");
    expect(provider.stored!.access_token).not.toBe(before.access_token);
    expect(provider.stored!.refresh_token).not.toBe(before.refresh_token);
    const again = new Client({ name: "oauth-test", version: "1.0.0" });
    await again.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
    expect(toolJson(await again.callTool({ name: "list_tasks", arguments: {} }))).toHaveLength(1);
    await again.close();

    // Revocation (RFC 7009) of the refresh token: it can no longer be used.
    const metadata = await discoverAuthorizationServerMetadata(`${authBase}/api/auth`);
    const { revocation_endpoint } = metadata as { revocation_endpoint: string };
    const revoked = await fetch(revocation_endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        token: provider.stored!.refresh_token!,
        token_type_hint: "refresh_token",
        client_id: provider.info!.client_id,
      }),
    });
    expect(revoked.status).toBe(200);
    const refreshAfterRevoke = await fetch(metadata!.token_endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: provider.stored!.refresh_token!,
        client_id: provider.info!.client_id,
        resource: mcpUrl,
      }),
    });
    expect(refreshAfterRevoke.status).toBeGreaterThanOrEqual(400);

    // Disconnecting in Settings stops the access token at once.
    const accessToken = provider.stored!.access_token;
    const clientId = apps.json.apps[0].client_id;
    expect((await api.request("DELETE", `/api/connected-apps/${clientId}`, { headers: alice.headers })).status).toBe(
      204,
    );
    const afterDisconnect = await fetch(mcpUrl, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(afterDisconnect.status).toBe(401);
    expect((await api.request("GET", "/api/connected-apps", { headers: alice.headers })).json.apps).toEqual([]);
    expect((await api.request("DELETE", `/api/connected-apps/${clientId}`, { headers: alice.headers })).status).toBe(
      404,
    );
  });

  it("keeps personal API keys working beside OAuth", async () => {
    const carol = await api.signUp("Carol");
    const key = await api.request("POST", "/api/keys", { body: { name: "cli" }, headers: carol.headers });
    const client = new Client({ name: "key-test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${key.json.key}` } },
      }),
    );
    expect(toolJson(await client.callTool({ name: "list_tasks", arguments: {} }))).toEqual([]);
    await client.close();
  });
});
