// Runs before every page: a Content-Security-Policy with a fresh nonce per request (Next.js puts the nonce on its
// own scripts when it finds the policy in the request headers; the layout hands it to next-themes' inline script),
// and an optimistic guard (no I/O): app pages without a session cookie go straight to sign-in. The API still
// checks the session on every call, and a 401 there also sends the person to sign-in.
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth-cookies";
import { getConfig } from "@/lib/config";

const APP_PAGES = /^\/($|tasks(\/|$)|settings(\/|$))/;

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
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
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
      // Pages only: not the API proxy, the OAuth metadata (/.well-known), the health check or static files.
      source: "/((?!api/|\\.well-known/|healthz|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
