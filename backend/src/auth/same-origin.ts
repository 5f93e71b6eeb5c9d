// CSRF: a write that a browser sends with the session cookie must come from one of our own origins. Browsers
// send Origin on every POST/PUT/PATCH/DELETE and Sec-Fetch-Site on every request; a script with a bearer token or
// an API key is not exposed to CSRF and is not checked (require-user.ts only calls this for cookie credentials).
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when a cookie-authenticated request is a write that a foreign page could have made the browser send. */
export function isForeignWrite(method: string, headers: Headers, trustedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(method)) return false;
  const origin = headers.get("origin");
  if (origin !== null) return !trustedOrigins.includes(origin); // "null" (sandboxed or opaque origins) too
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site !== "same-origin" && site !== "none";
  return false; // neither header: not a browser (curl with a copied cookie)
}
