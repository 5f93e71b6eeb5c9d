// One mapping from anything thrown to the design's error body {"error": {code, message, details?}}.
import { isConnectionError } from "@todo/core/db/client";
import { AppError } from "@todo/core/errors";
import { validationErrorFrom } from "@todo/core/tasks/tasks.schema";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import type { AppEnv } from "./context";

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_error",
  429: "rate_limited",
  503: "service_unavailable",
};

export function errorBody(status: number, message: string, details?: unknown, code?: string): ErrorBody {
  return {
    error: {
      code: code ?? CODES[status] ?? "internal_error",
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
    return errorResponse(c, v.status, v.message, v.details, v.code);
  }
  if (err instanceof AppError) return errorResponse(c, err.status, err.message, err.details, err.code);
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
