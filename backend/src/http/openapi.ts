import { z } from "@hono/zod-openapi";

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_error" }),
      message: z.string().meta({ example: "title: Title must not be empty" }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorBody } } });

export const ErrorResponses = {
  400: err("Malformed request"),
  401: err("Missing or invalid credentials"),
  404: err("No such task for this user"),
  413: err("Body too large"),
  422: err("Validation failed"),
} as const;
