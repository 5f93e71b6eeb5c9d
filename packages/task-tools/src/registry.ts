// Every tool once, and the one way to run a call: arguments checked against the contract, the user from the
// caller's context, the output checked against its schema, and the result as text (the original fields) beside
// structuredContent (the full output). Failures are isError results carrying the contract's error code; only an
// unknown tool name is the caller's protocol fault.
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { AppError, ForbiddenError } from "@todo/contract/errors";
import { ToolError, type ToolName, toolArgsError } from "@todo/contract/tools";
import { isConnectionError } from "@todo/core/db/client";
import { z } from "zod";
import { addTask } from "./add-task";
import { completeTask } from "./complete-task";
import { completeTasks } from "./complete-tasks";
import { deleteTask } from "./delete-task";
import { deleteTasks } from "./delete-tasks";
import { findTasks } from "./find-tasks";
import { listProjects } from "./list-projects";
import { listTasks } from "./list-tasks";
import { shareProject } from "./share-project";
import type { TaskTool, ToolContext } from "./tool";
import { updateTask } from "./update-task";
import { updateTasks } from "./update-tasks";

/** In the contract's TOOL_NAMES order. */
export const TASK_TOOLS: readonly TaskTool[] = [
  addTask,
  listTasks,
  completeTask,
  deleteTask,
  updateTask,
  findTasks,
  completeTasks,
  updateTasks,
  deleteTasks,
  listProjects,
];

/** The assistant's own tools (contract ASSISTANT_TOOL_NAMES): run like the others, never listed over MCP. */
export const ASSISTANT_TOOLS: readonly TaskTool[] = [shareProject];

const byName = new Map<string, TaskTool>(TASK_TOOLS.map((tool) => [tool.name, tool]));

export function findTool(name: string): TaskTool | undefined {
  return byName.get(name);
}

/** JSON Schema as the MCP SDK writes it for zod (draft-07), so every client reads what it already reads. */
function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, target: "draft-7" }) as Tool["inputSchema"];
}

/** The tools/list entries. The output schema admits the error shape too: SDK v1 clients validate it on errors. */
export const TOOL_DEFINITIONS: Tool[] = TASK_TOOLS.map((tool) => ({
  name: tool.name,
  title: tool.title,
  description: tool.description,
  inputSchema: jsonSchema(tool.args, "input"),
  outputSchema: { ...jsonSchema(z.union([tool.output, ToolError]), "output"), type: "object" } as Tool["outputSchema"],
  annotations: { title: tool.title, ...tool.annotations },
}));

export function failure(error: AppError): CallToolResult {
  const structured: ToolError = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
  return { isError: true, content: [{ type: "text", text: error.message }], structuredContent: structured };
}

/** Runs one call of a tool for the caller in `ctx`. Never throws: every failure is an isError result. */
export async function runTool(ctx: ToolContext, tool: TaskTool, rawArgs: unknown): Promise<CallToolResult> {
  const args = tool.args.safeParse(rawArgs ?? {});
  if (!args.success) return failure(toolArgsError(tool.name, args.error));
  const userId = (args.data as { user_id?: string }).user_id;
  if (userId !== undefined && userId !== ctx.userId) {
    return failure(
      new ForbiddenError(
        "user_id does not match the authenticated user; leave it out, the credential already says who you are",
      ),
    );
  }
  try {
    const output = tool.output.parse(await tool.run(ctx, args.data as never));
    return {
      content: [{ type: "text", text: JSON.stringify(tool.toResult(output as never)) }],
      structuredContent: output as Record<string, unknown>,
    };
  } catch (error) {
    if (error instanceof AppError) return failure(error);
    if (isConnectionError(error)) {
      // Like REST's 503: the caller may retry; nothing was changed by this call.
      return failure(
        new AppError("service_unavailable", "The database is unreachable right now; try again in a few seconds"),
      );
    }
    ctx.logger.error({ err: error, tool: tool.name }, "tool failed");
    return failure(new AppError("internal_error", `${tool.name} failed because of a server problem; please try again`));
  }
}

/** Calls a tool by name in-process (tests, and any caller that holds a user already). */
export async function callTool(ctx: ToolContext, name: ToolName, args: unknown): Promise<CallToolResult> {
  return runTool(ctx, findTool(name) as TaskTool, args);
}
