// Shared pieces of the OpenAPI route definitions: the error body, JSON content, security, and a router whose
// validation failures become the design's 422 body.
import { OpenAPIHono, type z } from "@hono/zod-openapi";
import { ErrorBody, validationErrorFrom } from "@todo/contract/errors";
import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./context";

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorBody } } });

export const ErrorResponses = {
  400: err("Malformed request"),
  401: err("Missing or invalid credentials"),
  404: err("No such task for this user"),
  413: err("Body too large"),
  422: err("Validation failed"),
} as const;

/** Session cookie or bearer token (session token or personal API key). */
export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationErrorFrom(result.error);
    },
  });
}

/**
 * Sends JSON text that is already serialised (built by Postgres) as it is, typed as the route's JSON response
 * `T` so the route definition still checks it. The text must be the JSON of a `T`; a test compares them.
 */
export function jsonText<T, S extends ContentfulStatusCode>(c: Context, text: string, status: S) {
  return c.body(text, status, { "content-type": "application/json" }) as unknown as TypedResponse<T, S, "json">;
}
