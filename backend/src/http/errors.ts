// One mapping from anything thrown to the design's error body {"error": {code, message, details?}}.

import { AppError, type ErrorBody, type ErrorCode, RateLimitedError, validationErrorFrom } from "@todo/contract/errors";
import { isConnectionError } from "@todo/core/db/client";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import type { AppEnv } from "./context";

/** The one place a contract error code becomes an HTTP status. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_error: 422,
  rate_limited: 429,
  service_unavailable: 503,
  internal_error: 500,
};

const CODE_OF = Object.fromEntries(Object.entries(STATUS_OF).map(([code, status]) => [status, code])) as Record<
  number,
  ErrorCode
>;

export function errorBody(status: number, message: string, details?: unknown, code?: string): ErrorBody {
  return {
    error: {
      code: code ?? CODE_OF[status] ?? "internal_error",
      message,
      ...(details === undefined ? {} : { details }),
    },
  };
}

export function errorResponse(c: Context, status: number, message: string, details?: unknown, code?: string) {
  return c.json(errorBody(status, message, details, code), status as ContentfulStatusCode);
}

export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof ZodError) {
    const v = validationErrorFrom(err);
    return errorResponse(c, STATUS_OF[v.code], v.message, v.details, v.code);
  }
  if (err instanceof RateLimitedError) c.header("Retry-After", String(err.retryAfterSeconds));
  if (err instanceof AppError) return errorResponse(c, STATUS_OF[err.code], err.message, err.details, err.code);
  if (err instanceof HTTPException) {
    const status = err.status;
    const message =
      status === 400 && /json/i.test(err.message)
        ? "Malformed JSON in request body"
        : err.message || "Request could not be processed";
    return errorResponse(c, status, message);
  }
  const log = c.get("logger");
  if (isConnectionError(err)) {
    log?.warn({ err, req_id: c.get("requestId") }, "database unreachable");
    return errorResponse(c, 503, "The database is unreachable right now; please try again shortly");
  }
  log?.error({ err, req_id: c.get("requestId") }, "unhandled error");
  return errorResponse(c, 500, "Something went wrong on our side; the request id is in the X-Request-Id header");
}
