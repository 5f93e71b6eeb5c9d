// Personal API keys: create (the key is shown once), list, revoke. Managing keys needs a signed-in session.
import { createRoute, z } from "@hono/zod-openapi";
import { ApiKey, CreateApiKeyInput } from "@todo/contract/api-key";
import { ForbiddenError } from "@todo/contract/errors";
import { createApiKey, listApiKeys, revokeApiKey } from "@todo/core/auth/api-keys.service";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../http/context";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";

const sessionOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.user.via !== "session") throw new ForbiddenError("API keys cannot manage API keys; sign in instead");
  await next();
};

export function keysRoutes({ database }: AppDeps) {
  const db = database.db;
  const router = createRouter();
  router.use("*", sessionOnly);

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["api keys"],
      summary: "Create a personal API key (shown once)",
      security,
      request: { body: { required: true, ...jsonContent(CreateApiKeyInput, "A name for the key") } },
      responses: {
        201: jsonContent(
          z.object({ id: z.string(), name: z.string(), key: z.string(), scope: z.enum(["all", "caldav"]) }),
          "The new key; store it now",
        ),
        ...ErrorResponses,
      },
    }),
    async (c) => {
      const created = await createApiKey(db, c.var.user.id, c.req.valid("json"));
      return c.json(
        { id: created.id, name: created.name, key: created.key, prefix: created.prefix, scope: created.scope },
        201,
      );
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["api keys"],
      summary: "List your API keys (never the keys themselves)",
      security,
      responses: { 200: jsonContent(z.object({ keys: z.array(ApiKey) }), "Your keys"), ...ErrorResponses },
    }),
    async (c) => c.json({ keys: await listApiKeys(db, c.var.user.id) }, 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags: ["api keys"],
      summary: "Revoke an API key; it stops working at once",
      security,
      request: { params: z.object({ id: z.string().meta({ param: { name: "id", in: "path" } }) }) },
      responses: { 204: { description: "Revoked" }, ...ErrorResponses },
    }),
    async (c) => {
      await revokeApiKey(db, c.var.user.id, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
  return router;
}
