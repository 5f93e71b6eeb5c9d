// REST routes of the activity log: read it, undo one change.
import { createRoute, z } from "@hono/zod-openapi";
import { ActivityId, ActivityPage, ActivityQuery, UndoResult } from "@todo/contract/activity";
import { ErrorBody } from "@todo/contract/errors";
import { listActivity, undoActivity } from "@todo/core/activity/activity.service";
import type { AppDeps } from "../http/context";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";
import { changeVia } from "../tasks/via";

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorBody } } });

export function activityRoutes({ database }: AppDeps) {
  const db = database.db;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["activity"],
      summary: "Who changed what, newest first: of one task, one project, or everything the caller can see",
      security,
      request: { query: ActivityQuery },
      responses: { 200: jsonContent(ActivityPage, "The entries"), ...ErrorResponses },
    }),
    async (c) => c.json({ activity: await listActivity(db, c.var.user.id, c.req.valid("query")) }, 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/undo",
      tags: ["activity"],
      summary: "Undo one change to a task, when nothing changed the task since (else 409)",
      security,
      request: { params: z.object({ id: ActivityId }) },
      responses: {
        200: jsonContent(UndoResult, "The entry undone and the entry of the undo"),
        ...ErrorResponses,
        403: err("The caller's role does not allow this"),
        409: err("The task changed since, or the change cannot be undone"),
      },
    }),
    async (c) => c.json(await undoActivity(db, c.var.user.id, c.req.valid("param").id, changeVia(c)), 200),
  );

  return router;
}
