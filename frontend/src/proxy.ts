// Runs before every page: a Content-Security-Policy with a fresh nonce per request (Next.js puts the nonce on its
// own scripts when it finds the policy in the request headers; the layout hands it to next-themes' inline script),
// and an optimistic guard (no I/O): app pages without a session cookie go straight to sign-in. The API still
// checks the session on every call, and a 401 there also sends the person to sign-in.
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth-cookies";
import { getConfig } from "@/lib/config";

const APP_PAGES = /^\/($|tasks(\/|$)|settings(\/|$))/;
/** CalDAV and the calendar feeds (design section 14): apps reach the backend's /dav/ and /feed/ here too. */
export const DAV_PATHS = /^\/(dav(\/|$)|\.well-known\/caldav\/?$|feed\/)/;

/** Where a CalDAV request goes: the same path on the backend (every method, body and header passed on). */
export function davTarget(pathname: string, search: string, backendUrl: string): URL | null {
  return DAV_PATHS.test(pathname) ? new URL(`${backendUrl.replace(/\/+$/, "")}${pathname}${search}`) : null;
}

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd ones load are allowed; nothing inline without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes (Radix positioning, toasts) cannot carry a nonce; CSS cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    // The service worker (public/sw.js) and the manifest come from this origin only.
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  // PROPFIND, REPORT and MKCALENDAR cannot reach a route handler (it takes the standard methods only), so
  // CalDAV is rewritten to the backend here, before any page logic; the backend checks its own credentials.
  const dav = davTarget(request.nextUrl.pathname, request.nextUrl.search, getConfig().backendUrl);
  if (dav) return NextResponse.rewrite(dav);
  // What Next.js does by default (skipTrailingSlashRedirect is on for CalDAV): /tasks/ → /tasks.
  const { pathname } = request.nextUrl;
  if (pathname.length > 1 && pathname.endsWith("/")) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.replace(/\/+$/, "") || "/";
    return NextResponse.redirect(url, 308);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, getConfig().development);
  let response: NextResponse;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (APP_PAGES.test(request.nextUrl.pathname) && !signedIn) {
    const url = request.nextUrl.clone();
    const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    url.pathname = "/sign-in";
    url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API proxy, the OAuth metadata (/.well-known/oauth-*, a route handler), the health check
      // or static files. /.well-known/caldav stays here: it is rewritten to the backend above.
      source:
        "/((?!api/|.well-known/oauth-|healthz|_next/static|_next/image|favicon.ico|icon.svg|icons/|sw.js|manifest.webmanifest).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
