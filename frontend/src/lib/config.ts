// The only file that reads process.env. Values are read at request time (not inlined at build time), so one
// built image works in every environment.

export interface FrontendConfig {
  /** Where the server-side proxy forwards /api/*. */
  backendUrl: string;
  /** Public MCP endpoint shown in the settings snippet; null means "same host as the page, port `mcpPort`". */
  mcpPublicUrl: string | null;
  /** The MCP server's port (MCP_PORT, default 8080), for the snippet when MCP_PUBLIC_URL is not set. */
  mcpPort: number;
  /** Proxies in front of the frontend (an ingress) whose X-Forwarded-For is believed; empty: browsers connect here. */
  trustedProxies: string[];
  /** `next dev`: React needs eval for its debugging aids, so the CSP allows it there only. */
  development: boolean;
}

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const ADDRESS = /^[0-9a-f.:]+(\/\d{1,3})?$/i;

// A variable key keeps the bundler from replacing `process.env.NEXT_PUBLIC_*` with its build-time value.
function read(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

function httpUrl(name: string, value: string, problems: string[]): string {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http(s)");
    return value.replace(/\/+$/, "");
  } catch {
    problems.push(`${name}: must be an http:// or https:// URL (got "${value}")`);
    return value;
  }
}

/** Reads and checks every variable, returning the problems instead of throwing. */
export function readConfig(): { config: FrontendConfig; problems: string[] } {
  const problems: string[] = [];
  const backendRaw = read("BACKEND_URL") ?? read("NEXT_PUBLIC_API_URL") ?? "http://127.0.0.1:8000";
  const backendUrl = httpUrl(read("BACKEND_URL") ? "BACKEND_URL" : "NEXT_PUBLIC_API_URL", backendRaw, problems);
  const mcpRaw = read("MCP_PUBLIC_URL");
  const mcpPublicUrl = mcpRaw ? httpUrl("MCP_PUBLIC_URL", mcpRaw, problems) : null;
  const portRaw = read("MCP_PORT") ?? "8080";
  const mcpPort = Number(portRaw);
  if (!/^\d{1,5}$/.test(portRaw) || mcpPort < 1 || mcpPort > 65535) {
    problems.push(`MCP_PORT: must be a port number 1-65535 (got "${portRaw}")`);
  }
  const proxiesRaw = read("TRUSTED_PROXIES") ?? "none";
  const trustedProxies =
    proxiesRaw.toLowerCase() === "none"
      ? []
      : proxiesRaw
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
  for (const entry of trustedProxies) {
    if (!PROXY_NAMES.has(entry) && !ADDRESS.test(entry)) {
      problems.push(`TRUSTED_PROXIES: "${entry}" is not an IP, a CIDR, loopback, linklocal, uniquelocal or none`);
    }
  }
  const development = read("NODE_ENV") === "development";
  return { config: Object.freeze({ backendUrl, mcpPublicUrl, mcpPort, trustedProxies, development }), problems };
}

export function getConfig(): FrontendConfig {
  return readConfig().config;
}
