// The original API's routes (/api/{user_id}/tasks…), kept for existing clients. They return bare Task
// objects and arrays, and refuse any {user_id} other than the signed-in user's with 403.

import { ForbiddenError, validationErrorFrom } from "@todo/contract/errors";
import { ChatInput } from "@todo/core/conversations/conversations.service";
import { createTask, deleteTask, getTask, listTasks, toggleTask, updateTask } from "@todo/core/tasks/tasks.service";
import { Hono, type MiddlewareHandler } from "hono";
import { type AgentDeps, chat } from "../chat/agent";
import type { AppDeps, AppEnv } from "../http/context";
import { jsonBody } from "../http/json-body";

const sameUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.param("user_id") !== c.var.user.id) throw new ForbiddenError("You can only reach your own tasks");
  await next();
};

export function compatRoutes({ database }: AppDeps, agent: AgentDeps) {
  const db = database.db;
  const router = new Hono<AppEnv>();
  router.use("/:user_id/tasks", sameUser);
  router.use("/:user_id/tasks/*", sameUser);
  router.use("/:user_id/chat", sameUser);

  router.get("/:user_id/tasks", async (c) => {
    const query: Record<string, unknown> = { ...c.req.query(), limit: c.req.query("limit") ?? "200" };
    const tags = c.req.queries("tag");
    if (tags) query.tag = tags;
    return c.json((await listTasks(db, c.var.user.id, query)).tasks);
  });
  router.post("/:user_id/tasks", async (c) => c.json(await createTask(db, c.var.user.id, await jsonBody(c)), 201));
  router.get("/:user_id/tasks/:id", async (c) => c.json(await getTask(db, c.var.user.id, c.req.param("id"))));
  router.put("/:user_id/tasks/:id", async (c) =>
    c.json(await updateTask(db, c.var.user.id, c.req.param("id"), await jsonBody(c))),
  );
  router.delete("/:user_id/tasks/:id", async (c) => {
    const task = await deleteTask(db, c.var.user.id, c.req.param("id"));
    return c.json({ ...task, deleted: true });
  });
  router.patch("/:user_id/tasks/:id/complete", async (c) =>
    c.json(await toggleTask(db, c.var.user.id, c.req.param("id"))),
  );
  router.post("/:user_id/chat", async (c) => {
    const input = ChatInput.safeParse(await jsonBody(c));
    if (!input.success) throw validationErrorFrom(input.error);
    return c.json(await chat(agent, c.var.user.id, input.data));
  });
  return router;
}
