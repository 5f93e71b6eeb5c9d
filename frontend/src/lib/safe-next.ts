// Where to go after sign-in (issue 11.4): only a path on this very origin. `?next=/%5Cevil.example/` decodes to
// "/\evil.example/", which browsers read as "//evil.example/"; tabs and newlines are dropped by URL parsing
// ("/\t/evil.example"). So the value is resolved the way the browser would resolve it, and kept only when it
// stays on our origin; what is returned is the resolved path, never the raw text.
const FALLBACK = "/tasks";
/** Any origin works for the check (it runs on the server too, where there is no window): a path that changes it would change ours. */
const BASE = "https://this-app.invalid";

export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith("/")) return FALLBACK;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never back to the auth pages themselves, and never a path that starts like a network-path reference.
  if (path.startsWith("//") || path.startsWith("/\\") || /^\/sign-(in|up)\b/.test(url.pathname)) return FALLBACK;
  return path;
}
