// REST routes for tasks: thin wrappers over the core task service. Each route definition is the OpenAPI
// document and the boundary validation; the service validates again and holds every rule.
import { createRoute, z } from "@hono/zod-openapi";
import {
  CreateTaskInput,
  ListTasksQuery,
  TaskJson,
  UpdateTaskInput,
  validationErrorFrom,
} from "@todo/core/tasks/tasks.schema";
import {
  completeTask,
  createTask,
  createTaskFromText,
  deleteTask,
  getTask,
  listTasksJson,
  previewQuickAdd,
  reopenTask,
  updateTask,
} from "@todo/core/tasks/tasks.service";
import type { AppDeps } from "../http/context";
import { createRouter, ErrorResponses, jsonContent, jsonText, security } from "../http/openapi";

const TaskPage = z.object({ tasks: z.array(TaskJson), total: z.number().int() });
type TaskPage = z.infer<typeof TaskPage>;

const IdParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, "Task id must be a positive whole number")
    .meta({ param: { name: "id", in: "path" }, example: "3", description: "The per-user task number" }),
});

export const QuickAddInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, "text must not be empty")
    .max(500, "text must be at most 500 characters")
    .meta({ description: "A task in plain language", example: "Pay rent every 1st 9am #home !high" }),
  timezone: z.string().max(64).optional(),
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
    async (c) => {
      const query = { ...c.req.query(), tag: c.req.queries("tag") };
      if (!query.tag) delete query.tag;
      // Postgres builds the JSON text of the page; it is sent as it is (see listTasksJson).
      return jsonText<TaskPage, 200>(c, await listTasksJson(db, c.var.user.id, query), 200);
    },
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
      responses: { 201: jsonContent(TaskJson, "The created task"), ...ErrorResponses },
    }),
    async (c) => {
      const body = (await c.req.json()) as Record<string, unknown>;
      if (body && typeof body === "object" && "text" in body) {
        const parsed = QuickAddInput.safeParse(body);
        if (!parsed.success) throw validationErrorFrom(parsed.error);
        const { text, timezone } = parsed.data;
        return c.json(await createTaskFromText(db, c.var.user.id, text, { timeZone: timezone }), 201);
      }
      return c.json(await createTask(db, c.var.user.id, body), 201);
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
        200: jsonContent(
          z.object({
            title: z.string(),
            priority: z.string(),
            tags: z.array(z.string()),
            due_at: z.string().nullable(),
            remind_at: z.string().nullable(),
            recurrence: z.string().nullable(),
          }),
          "The fields quick add would create",
        ),
        ...ErrorResponses,
      },
    }),
    (c) => {
      const { text, timezone } = c.req.valid("json");
      return c.json(previewQuickAdd(text, { timeZone: timezone }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["tasks"],
      summary: "Get one task",
      security,
      request: { params: IdParam },
      responses: { 200: jsonContent(TaskJson, "The task"), ...ErrorResponses },
    }),
    async (c) => c.json(await getTask(db, c.var.user.id, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags: ["tasks"],
      summary: "Change some fields of a task",
      security,
      request: { params: IdParam, body: { required: true, ...jsonContent(UpdateTaskInput, "Fields to change") } },
      responses: { 200: jsonContent(TaskJson, "The updated task"), ...ErrorResponses },
    }),
    async (c) => c.json(await updateTask(db, c.var.user.id, c.req.valid("param").id, await c.req.json()), 200),
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
      await deleteTask(db, c.var.user.id, c.req.valid("param").id);
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
        200: jsonContent(
          z.object({ task: TaskJson, next: TaskJson.nullable() }),
          "The completed task and the next one",
        ),
        ...ErrorResponses,
      },
    }),
    async (c) => c.json(await completeTask(db, c.var.user.id, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/reopen",
      tags: ["tasks"],
      summary: "Mark a completed task as pending again",
      security,
      request: { params: IdParam },
      responses: { 200: jsonContent(TaskJson, "The reopened task"), ...ErrorResponses },
    }),
    async (c) => c.json(await reopenTask(db, c.var.user.id, c.req.valid("param").id), 200),
  );

  return router;
}
