// What every tool shares: the caller's context, the compatibility check on `user_id`, and turning failures
// into isError results a model can read (only protocol faults throw).
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { AppError } from "@todo/contract/errors";
import type { Database } from "@todo/core/db/client";
import type { Logger } from "pino";
import { z } from "zod";

export interface ToolContext {
  db: Database;
  userId: string;
  logger: Logger;
}

export const compatUserId = z
  .string()
  .optional()
  .describe(
    "Optional, for compatibility with older clients. The user always comes from the credential; if given, it must be that user's id.",
  );

export const taskId = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/)])
  .describe("The task's number as shown by list_tasks (e.g. 3)");

export function ok(value: unknown): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value) }] };
}

export function fail(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

export async function runTool(
  ctx: ToolContext,
  name: string,
  args: { user_id?: string | undefined },
  body: () => Promise<unknown>,
): Promise<CallToolResult> {
  if (args.user_id !== undefined && args.user_id !== ctx.userId) {
    return fail("user_id does not match the authenticated user; leave it out, the credential already says who you are");
  }
  try {
    return ok(await body());
  } catch (error) {
    if (error instanceof AppError) return fail(error.message);
    ctx.logger.error({ err: error, tool: name }, "tool failed");
    return fail(`${name} failed because of a server problem; please try again`);
  }
}

/** Only the fields the caller actually sent, so an update never clears what it did not name. */
export function definedFields<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
