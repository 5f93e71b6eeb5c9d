// The body of a route without an OpenAPI definition (the original API's compat routes): malformed JSON is the
// client's mistake (400 with the error body), not an unhandled SyntaxError (500).
import { AppError } from "@todo/contract/errors";
import type { Context } from "hono";

export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new AppError("bad_request", "Malformed JSON in request body");
  }
}
