// REST routes for tasks: thin wrappers over the core task service. Each route definition is the OpenAPI
// document and the boundary validation (the contract's schemas); the handler hands the validated value to core.
import { createRoute, z } from "@hono/zod-openapi";
import { createTaskFromText, previewQuickAddFor } from "@todo/assistant/quick-add-task";
import { validationErrorFrom } from "@todo/contract/errors";
import {
  CompletedTask,
  CreateTaskInput,
  ListTasksQuery,
  ParsedTask,
  QuickAddInput,
  SnoozeInput,
  Task,
  TaskCounts,
  TaskCountsQuery,
  TaskPage,
  UpdateTaskInput,
} from "@todo/contract/task";
import { countValidatedTasks } from "@todo/core/tasks/counts";
import {
  completeTask,
  createValidatedTask,
  deleteTask,
  getTask,
  listValidatedTasksJson,
  reopenTask,
  snoozeTask,
  updateValidatedTask,
} from "@todo/core/tasks/tasks.service";
import type { AppDeps } from "../http/context";
import { createRouter, ErrorResponses, jsonContent, jsonText, security } from "../http/openapi";
import { changeVia } from "./via";

const IdParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, "Task id must be a positive whole number")
    .meta({ param: { name: "id", in: "path" }, example: "3", description: "The per-user task number" }),
});

/**
 * The union's own message ("Invalid input") is vague: report the errors of the branch the body aimed for
 * (quick add when it carries `text`, task fields otherwise).
 */
function preciseUnionError(error: z.ZodError): z.ZodError {
  const union = error.issues.find((i) => i.code === "invalid_union");
  if (!union || !("errors" in union) || union.errors.length < 2) return error;
  const [fieldsBranch = [], textBranch = []] = union.errors;
  const aimedAtText = fieldsBranch.some((i) => i.code === "unrecognized_keys" && i.keys.includes("text"));
  return new z.ZodError(aimedAtText ? textBranch : fieldsBranch);
}

export function tasksRoutes({ database }: AppDeps) {
  const db = database.db;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["tasks"],
      summary: "List, search, filter and sort tasks",
      security,
      request: { query: ListTasksQuery },
      responses: {
        200: jsonContent(TaskPage, "A page of tasks"),
        ...ErrorResponses,
      },
    }),
    // Postgres builds the JSON text of the page; it is sent as it is (see listTasksJson).
    async (c) => jsonText<TaskPage, 200>(c, await listValidatedTasksJson(db, c.var.user.id, c.req.valid("query")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["tasks"],
      summary: "Create a task from fields, or from plain language with {text}",
      security,
      request: {
        body: { required: true, ...jsonContent(z.union([CreateTaskInput, QuickAddInput]), "Task fields or {text}") },
      },
      responses: { 201: jsonContent(Task, "The created task"), ...ErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid("json");
      if ("text" in body) {
        return c.json(
          await createTaskFromText(db, c.var.user.id, body.text, {
            timeZone: body.timezone,
            locale: body.locale,
            projectId: body.project_id,
            change: changeVia(c),
          }),
          201,
        );
      }
      return c.json(await createValidatedTask(db, c.var.user.id, body, changeVia(c)), 201);
    },
    (result) => {
      if (!result.success) throw validationErrorFrom(preciseUnionError(result.error));
      return undefined;
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/parse",
      tags: ["tasks"],
      summary: "Preview what quick add understands from a line of text (nothing is saved)",
      security,
      request: { body: { required: true, ...jsonContent(QuickAddInput, "The text as typed so far") } },
      responses: {
        200: jsonContent(ParsedTask, "The fields quick add would create"),
        ...ErrorResponses,
      },
    }),
    async (c) => {
      const { text, timezone, locale } = c.req.valid("json");
      return c.json(await previewQuickAddFor(db, c.var.user.id, text, { timeZone: timezone, locale }), 200);
    },
  );

  // Before /{id}, which would otherwise take "counts" for a task id.
  router.openapi(
    createRoute({
      method: "get",
      path: "/counts",
      tags: ["tasks"],
      summary: "How many tasks are pending, done, overdue, due today, tomorrow and this week, in one answer",
      security,
      request: { query: TaskCountsQuery },
      responses: { 200: jsonContent(TaskCounts, "The counts"), ...ErrorResponses },
    }),
    async (c) => c.json(await countValidatedTasks(db, c.var.user.id, c.req.valid("query")), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["tasks"],
      summary: "Get one task",
      security,
      request: { params: IdParam },
      responses: { 200: jsonContent(Task, "The task"), ...ErrorResponses },
    }),
    async (c) => c.json(await getTask(db, c.var.user.id, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags: ["tasks"],
      summary: "Change some fields of a task; add_tags/remove_tags change the tags without replacing them",
      security,
      request: { params: IdParam, body: { required: true, ...jsonContent(UpdateTaskInput, "Fields to change") } },
      responses: { 200: jsonContent(Task, "The updated task"), ...ErrorResponses },
    }),
    async (c) =>
      c.json(
        await updateValidatedTask(db, c.var.user.id, c.req.valid("param").id, c.req.valid("json"), changeVia(c)),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags: ["tasks"],
      summary: "Delete a task",
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...ErrorResponses },
    }),
    async (c) => {
      await deleteTask(db, c.var.user.id, c.req.valid("param").id, changeVia(c));
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/complete",
      tags: ["tasks"],
      summary: "Complete a task; a recurring task gets its next occurrence",
      security,
      request: { params: IdParam },
      responses: {
        200: jsonContent(CompletedTask, "The completed task and the next one"),
        ...ErrorResponses,
      },
    }),
    async (c) => c.json(await completeTask(db, c.var.user.id, c.req.valid("param").id, changeVia(c)), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/snooze",
      tags: ["tasks"],
      summary: "Remind again at `until` (snoozing past the due date moves the due date along)",
      security,
      request: { params: IdParam, body: { required: true, ...jsonContent(SnoozeInput, "When to remind again") } },
      responses: { 200: jsonContent(Task, "The snoozed task"), ...ErrorResponses },
    }),
    async (c) =>
      c.json(await snoozeTask(db, c.var.user.id, c.req.valid("param").id, await c.req.json(), changeVia(c)), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/reopen",
      tags: ["tasks"],
      summary: "Mark a completed task as pending again",
      security,
      request: { params: IdParam },
      responses: { 200: jsonContent(Task, "The reopened task"), ...ErrorResponses },
    }),
    async (c) => c.json(await reopenTask(db, c.var.user.id, c.req.valid("param").id, changeVia(c)), 200),
  );

  return router;
}
