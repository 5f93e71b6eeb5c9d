// What a tool is: its name, title, description for models, annotations and handler, with the arguments and output
// schemas the contract gives its name. The caller's context (database, user, logger) comes from whoever serves the
// tool — the MCP server from the credential, the agent from the session — never from the arguments.
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Via } from "@todo/contract/enums";
import { type AnyToolName, TOOLS, type ToolOutput } from "@todo/contract/tools";
import type { Database } from "@todo/core/db/client";
import type { z } from "zod";

/** The only logging a tool does: a failure that is not the caller's fault. pino's Logger fits. */
export interface ToolLogger {
  error(details: object, message: string): void;
}

export interface ToolContext {
  db: Database;
  /** The authenticated user every call acts as. */
  userId: string;
  logger: ToolLogger;
  /**
   * Through what the calls come, as the activity log records every change: `mcp` for MCP clients (API keys),
   * `assistant` for the builtin assistant's agent (in process or with its agent token).
   */
  via: Extract<Via, "mcp" | "assistant">;
}

export type ToolArgs<N extends AnyToolName> = z.output<(typeof TOOLS)[N]["args"]>;

export interface ToolSpec<N extends AnyToolName> {
  name: N;
  title: string;
  /** For models: when to use the tool, what its arguments mean, examples, what it returns. */
  description: string;
  annotations: ToolAnnotations;
  run(ctx: ToolContext, args: ToolArgs<N>): Promise<ToolOutput<N>>;
}

export interface TaskTool<N extends AnyToolName = AnyToolName> extends ToolSpec<N> {
  args: (typeof TOOLS)[N]["args"];
  output: (typeof TOOLS)[N]["output"];
  /** The original result fields of an output: the text of the result and what the chat records. */
  toResult(output: ToolOutput<N>): unknown;
}

export function defineTool<N extends AnyToolName>(spec: ToolSpec<N>): TaskTool<N> {
  const schemas = TOOLS[spec.name];
  return {
    ...spec,
    args: schemas.args,
    output: schemas.output,
    toResult: schemas.toResult as (output: ToolOutput<N>) => unknown,
  };
}

/** The arguments without the compatibility `user_id`, which the registry has already checked. */
export function withoutUserId<T extends { user_id?: string | undefined }>(args: T): Omit<T, "user_id"> {
  const { user_id: _checked, ...rest } = args;
  return rest;
}
