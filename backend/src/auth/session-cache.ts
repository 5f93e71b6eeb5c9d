// A short-lived in-process cache of resolved sessions, so a burst of API calls costs one session lookup instead
// of one per request. Sign-out on this replica evicts at once; other replicas notice within the TTL.
import type { CurrentUser } from "../http/context";

interface Entry {
  user: CurrentUser;
  expires: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The credential a request carries: the bearer token or the session cookie. */
  static keyOf(headers: Headers): string | undefined {
    const authorization = headers.get("authorization");
    if (authorization?.toLowerCase().startsWith("bearer ")) return `b:${authorization.slice(7).trim()}`;
    const cookie = headers.get("cookie")?.match(/(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/);
    return cookie?.[1] ? `c:${decodeURIComponent(cookie[1])}` : undefined;
  }

  get(key: string): CurrentUser | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.user;
  }

  set(key: string, user: CurrentUser, sessionExpiresAt: Date): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { user, expires: Math.min(Date.now() + this.ttlMs, sessionExpiresAt.getTime()) });
  }

  /** Forgets every key that carries this session token (bearer and cookie forms). */
  evict(headers: Headers): void {
    const key = SessionCache.keyOf(headers);
    if (!key) return;
    const token = key.slice(2).split(".")[0];
    for (const k of this.entries.keys()) if (k.slice(2).split(".")[0] === token) this.entries.delete(k);
  }
}
