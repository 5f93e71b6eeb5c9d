// Calendar feeds (design section 14): the signed-in user reads and rotates the secret feed URLs under /api/feeds;
// calendar apps fetch /feed/<secret>.ics (everything) or /feed/<secret>/<project id>.ics with no other credential.
import { createRoute } from "@hono/zod-openapi";
import { CalendarFeeds } from "@todo/contract/feed";
import { feedCalendar, getFeeds, rotateFeeds } from "@todo/core/ical/feed.service";
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/context";
import { errorResponse } from "../http/errors";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";

export function feedSettingsRoutes({ database, config }: AppDeps) {
  const db = database.db;
  const router = createRouter();
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["feeds"],
      summary: "Your read-only iCalendar feed URLs (due tasks as events)",
      security,
      responses: { 200: jsonContent(CalendarFeeds, "The feed URLs"), ...ErrorResponses },
    }),
    async (c) => c.json(await getFeeds(db, c.var.user.id, config.appUrl), 200),
  );
  router.openapi(
    createRoute({
      method: "post",
      path: "/rotate",
      tags: ["feeds"],
      summary: "Replace the feed secret: every earlier feed URL stops working",
      security,
      responses: { 200: jsonContent(CalendarFeeds, "The new feed URLs"), ...ErrorResponses },
    }),
    async (c) => c.json(await rotateFeeds(db, c.var.user.id, config.appUrl), 200),
  );
  return router;
}

export function feedRoutes({ database }: AppDeps) {
  const db = database.db;
  const app = new Hono<AppEnv>();
  const send = async (c: Context<AppEnv>, token: string, project: string | null) => {
    const ics = await feedCalendar(db, token, project);
    if (ics === null) return errorResponse(c, 404, "No such feed (the link may have been rotated)");
    return c.body(ics, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, max-age=300",
    });
  };
  app.get("/feed/:file{[A-Za-z0-9_-]+\\.ics}", (c) => send(c, c.req.param("file").slice(0, -4), null));
  app.get("/feed/:token/:file{[A-Za-z0-9_-]+\\.ics}", (c) =>
    send(c, c.req.param("token"), c.req.param("file").slice(0, -4)),
  );
  return app;
}
