// Browser-side calls to the backend through the same-origin proxy. Every failure becomes an ApiError carrying
// the design's error body; a 401 sends the person to sign-in unless the caller handles it itself.
import type { ErrorDetail } from "@todo/contract/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The proxy answered for a backend that is down, or the frontend itself could not be reached. */
  get unreachable(): boolean {
    return this.status === 0 || (this.status === 503 && this.code === "service_unavailable");
  }
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && error.unreachable;
}

export function signInUrl(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return here.startsWith("/sign-") || here === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`;
}

export function redirectToSignIn(): void {
  if (!window.location.pathname.startsWith("/sign-")) window.location.assign(signInUrl());
}

/** Reads `{error: {code, message, details}}` (or Better Auth's top-level `code`/`message`). */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through to a generic message
  }
  return errorFromBody(response.status, body, response.statusText);
}

export function errorFromBody(status: number, body: unknown, fallback = ""): ApiError {
  const b = (body ?? {}) as {
    error?: { code?: string; message?: string; details?: ErrorDetail[] } | string;
    code?: string;
    message?: string;
  };
  const inner = typeof b.error === "object" ? b.error : undefined;
  const code = inner?.code ?? b.code ?? (status === 503 ? "service_unavailable" : `http_${status}`);
  const message =
    inner?.message ??
    b.message ??
    (typeof b.error === "string" ? b.error : undefined) ??
    (fallback || `Request failed (${status})`);
  return new ApiError(status, code.toLowerCase(), message, Array.isArray(inner?.details) ? inner.details : []);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | string[] | undefined | null>;
  signal?: AbortSignal;
  /** Set for calls whose 401 means "wrong password" rather than "session expired". */
  allowUnauthorized?: boolean;
}

export function buildQuery(query: RequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = "GET", body, query, signal, allowUnauthorized = false } = options;
  let response: Response;
  try {
    response = await fetch(`${path}${buildQuery(query)}`, {
      method,
      signal,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "The app could not reach its server. Check your connection.");
  }
  if (response.status === 401 && !allowUnauthorized) {
    redirectToSignIn();
    throw await errorFromResponse(response);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}
