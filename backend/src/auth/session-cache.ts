// A short-lived in-process cache of resolved sessions, keyed by the exact credential that was verified. It saves
// Better Auth's work (signature check, session and user lookups, refresh) on a burst of calls; whether the session
// still exists is checked on every request (require-user.ts), so a revoked session fails at once on any replica.
import type { CurrentUser } from "../http/context";

interface Entry {
  user: CurrentUser;
  sessionToken: string;
  expires: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): CurrentUser | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.user;
  }

  set(key: string, sessionToken: string, user: CurrentUser, sessionExpiresAt: Date): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const expires = Math.min(Date.now() + this.ttlMs, sessionExpiresAt.getTime());
    this.entries.set(key, { user, sessionToken, expires });
  }

  /** Forgets every entry of this session, whichever form (bearer or cookie) it was sent in. */
  evictSession(sessionToken: string): void {
    for (const [key, entry] of this.entries) if (entry.sessionToken === sessionToken) this.entries.delete(key);
  }
}
