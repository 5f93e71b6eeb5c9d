// Settings -> Connected apps: the OAuth clients (MCP connectors) the person let in, with last use, and disconnect.
import { createRoute, z } from "@hono/zod-openapi";
import { ForbiddenError } from "@todo/contract/errors";
import { ConnectedApp } from "@todo/contract/oauth";
import { disconnectApp, listConnectedApps } from "@todo/core/auth/oauth-grants";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../http/context";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";

const sessionOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.user.via !== "session") throw new ForbiddenError("Connected apps are managed signed in; sign in instead");
  await next();
};

export function connectedAppsRoutes({ database }: AppDeps) {
  const db = database.db;
  const router = createRouter();
  router.use("*", sessionOnly);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["connected apps"],
      summary: "List the apps connected with OAuth (MCP connectors), with their last use",
      security,
      responses: {
        200: jsonContent(z.object({ apps: z.array(ConnectedApp) }), "Your connected apps"),
        ...ErrorResponses,
      },
    }),
    async (c) => c.json({ apps: await listConnectedApps(db, c.var.user.id) }, 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{client_id}",
      tags: ["connected apps"],
      summary: "Disconnect an app: its tokens stop working at once",
      security,
      request: { params: z.object({ client_id: z.string().meta({ param: { name: "client_id", in: "path" } }) }) },
      responses: { 204: { description: "Disconnected" }, ...ErrorResponses },
    }),
    async (c) => {
      await disconnectApp(db, c.var.user.id, c.req.valid("param").client_id);
      return c.body(null, 204);
    },
  );
  return router;
}
