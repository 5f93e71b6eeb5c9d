// The one credential a request is judged by: the bearer token when there is an Authorization header, else the
// session cookie. Sessions are resolved from exactly this credential (the other is stripped), so what was
// verified is what the session cache is keyed by (issue 11.2: a forged bearer beside a victim's cookie).
export const SESSION_COOKIES = ["__Secure-better-auth.session_token", "better-auth.session_token"] as const;

export interface Credential {
  kind: "bearer" | "cookie";
  /** The credential as sent (bearer token, or the decoded cookie value). */
  value: string;
  /** The session token stored in the database: the value without its signature. */
  sessionToken: string;
  /** Headers that carry this credential and nothing else, for Better Auth to verify. */
  headers: Headers;
}

function cookieValue(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // malformed percent-encoding (e.g. "%E0%A4%A"): not a credential
  }
}

/** The request's credential; undefined when it carries none, or only a malformed one. */
export function credentialOf(headers: Headers): Credential | undefined {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) return undefined;
    const value = match[1];
    const decoded = value.includes("%") ? decode(value) : value;
    if (decoded === undefined) return undefined;
    return {
      kind: "bearer",
      value,
      sessionToken: decoded.split(".")[0] ?? "",
      headers: new Headers({ authorization: `Bearer ${value}` }),
    };
  }
  const cookie = headers.get("cookie");
  if (!cookie) return undefined;
  for (const name of SESSION_COOKIES) {
    const raw = cookieValue(cookie, name);
    if (!raw) continue;
    const value = decode(raw);
    if (!value) return undefined;
    return {
      kind: "cookie",
      value,
      sessionToken: value.split(".")[0] ?? "",
      headers: new Headers({ cookie: `${name}=${raw}` }),
    };
  }
  return undefined;
}
