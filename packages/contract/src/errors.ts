// Errors are codes: core throws an AppError with a code from this list, a sentence a person can read and optional
// details; only the HTTP edge maps a code to a status, and MCP passes the code beside the sentence. Nobody matches
// an error by its wording.
import { z } from "zod";

export const ERROR_CODES = [
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "validation_error",
  "rate_limited",
  "service_unavailable",
  "internal_error",
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem of a validation error: the field's dotted path ("" for the whole input) and what is wrong. */
export const ErrorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The error body of every REST response: `{"error": {code, message, details?}}`. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "A code from the contract (or Better Auth's own, lowercased)" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBody>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A limit was reached: 429 with `Retry-After` (whole seconds until the caller may try again). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: ErrorDetail[]) {
    super("validation_error", message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super("not_found", message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Authentication required") {
    super("unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do this") {
    super("forbidden", message);
  }
}

export function validationErrorFrom(error: z.ZodError): ValidationError {
  const details = error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
  const first = details[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "Invalid input";
  return new ValidationError(message, details);
}

/** Parses with a schema, turning failures into a ValidationError listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationErrorFrom(result.error);
  return result.data;
}
