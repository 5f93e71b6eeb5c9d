// Builds the HTTP application: middleware, routers, one error handler. Listening happens in index.ts.
import { OpenAPIHono } from "@hono/zod-openapi";
import { validationErrorFrom } from "@todo/contract/errors";
import type { DatabaseHandle } from "@todo/core/db/client";
import { createMailer, type Mailer } from "@todo/core/mail/mailer";
import { createNotifier, type Notifier } from "@todo/core/reminders/channels";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { Logger } from "pino";
import { accountRoutes, adminRoutes } from "./account/account.routes";
import { activityRoutes } from "./activity/activity.routes";
import { createAuth, notifyExistingAccountSignUp } from "./auth/auth";
import { authRoutes } from "./auth/auth.routes";
import { connectedAppsRoutes } from "./auth/connected-apps.routes";
import { requireUser } from "./auth/require-user";
import { SessionCache } from "./auth/session-cache";
import { chatRoutes } from "./chat/chat.routes";
import { createChatModel } from "./chat/model";
import type { Config } from "./config";
import { davRoutes } from "./dav/dav.routes";
import { feedRoutes, feedSettingsRoutes } from "./dav/feed.routes";
import { docsRoutes } from "./health/docs.routes";
import { healthRoutes, type Readiness } from "./health/health.routes";
import type { AppDeps, AppEnv } from "./http/context";
import { errorResponse, onError } from "./http/errors";
import { createMetrics, observe } from "./http/observability";
import { keysRoutes } from "./keys/keys.routes";
import { notificationsRoutes } from "./notifications/notifications.routes";
import { exportRoutes } from "./portability/export.routes";
import { importRoutes } from "./portability/import.routes";
import { projectsRoutes } from "./projects/projects.routes";
import { compatRoutes } from "./tasks/compat.routes";
import { tasksRoutes } from "./tasks/tasks.routes";

export interface CreateAppOptions {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  /** Turned to draining by the shutdown sequence; /ready then answers 503. */
  readiness?: Readiness;
  /** Outgoing email; built from config.mail when not given. */
  mailer?: Mailer;
  /** Reminder channels (email, webhook, Web Push); built from the mailer and config when not given. */
  notifier?: Notifier;
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
const IMPORT_PATH = "/api/import";

export function createApp({
  config,
  database,
  logger,
  readiness = { draining: false },
  mailer = createMailer(config.mail),
  notifier = createNotifier({ db: database.db, mailer, appUrl: config.appUrl, vapid: config.vapid }),
}: CreateAppOptions) {
  const auth = createAuth(database.db, config, notifyExistingAccountSignUp(logger, mailer, config.appUrl), {
    mailer,
    logger,
  });
  const deps: AppDeps = { config, database, logger, auth };
  const metrics = createMetrics();
  const sessions = new SessionCache(config.sessionCacheMs);
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationErrorFrom(result.error);
    },
  });

  app.use(requestId());
  app.use(observe(logger, metrics));
  const tooLarge = (c: Context) => errorResponse(c, 413, `Request body is larger than ${config.maxBodyBytes} bytes`);
  const limitStream = bodyLimit({ maxSize: config.maxBodyBytes, onError: tooLarge });
  app.use("/api/*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    // An import file has its own, larger limit (LIMITS.importBytes), applied by its route.
    if (c.req.path === IMPORT_PATH) return next();
    // With a Content-Length, Node's parser never delivers more than announced, so the header decides and the body
    // stays on the Node adapter's fast path. hono's bodyLimit reads `c.req.raw.body`, which builds a full web
    // Request with a stream around the socket: measurable on every request (see npm run bench). A chunked body,
    // whose size is unknown up front, is counted by bodyLimit as it arrives.
    const length = c.req.header("content-length");
    if (length !== undefined) return Number(length) > config.maxBodyBytes ? tooLarge(c) : next();
    return limitStream(c, next);
  });
  // API answers are per user and change with every write: no browser or intermediary may keep a copy.
  app.use("/api/*", async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  });
  // A body that is not JSON is refused up front instead of being mistaken for an empty object.
  app.use("/api/*", async (c, next) => {
    // Imports take the file as it is: multipart, CSV, iCalendar or JSON.
    if (BODY_METHODS.has(c.req.method) && !c.req.path.startsWith("/api/auth/") && c.req.path !== IMPORT_PATH) {
      const type = c.req.header("content-type") ?? "";
      const hasBody = Number(c.req.header("content-length") ?? 0) > 0 || c.req.header("transfer-encoding");
      if (hasBody && !/^application\/(.+\+)?json\b/i.test(type)) {
        return errorResponse(c, 415, "Send the body as JSON with Content-Type: application/json");
      }
    }
    await next();
  });

  app.route("/", healthRoutes(deps, metrics, readiness));
  app.route("/", docsRoutes());
  app.route("/api/auth", authRoutes(auth, sessions, config.trustedProxies.trust));
  // RFC 8414 metadata of the issuer <BETTER_AUTH_URL>/api/auth lives at the root, path-suffixed (issue 16).
  for (const path of ["/.well-known/oauth-authorization-server/*", "/.well-known/openid-configuration/*"]) {
    app.on(["GET", "HEAD"], path, (c) => auth.handler(c.req.raw));
  }

  const user = requireUser(auth, sessions, database.db, config.trustedOrigins, config.trustedProxies.trust);
  app.use("/api/tasks", user);
  app.use("/api/tasks/*", user);
  app.route("/api/tasks", tasksRoutes(deps));
  for (const path of ["/api/projects", "/api/projects/*", "/api/activity", "/api/activity/*"]) app.use(path, user);
  app.route("/api/projects", projectsRoutes(deps));
  app.route("/api/activity", activityRoutes(deps));
  app.use("/api/notifications/*", user);
  app.route("/api/notifications", notificationsRoutes(deps, notifier));
  app.use("/api/keys", user);
  app.use("/api/keys/*", user);
  app.route("/api/keys", keysRoutes(deps));
  for (const path of ["/api/account", "/api/account/*", "/api/admin", "/api/admin/*"]) app.use(path, user);
  app.route("/api/account", accountRoutes(deps));
  app.route("/api/admin", adminRoutes(deps, mailer));

  app.use("/api/connected-apps", user);
  app.use("/api/connected-apps/*", user);
  app.route("/api/connected-apps", connectedAppsRoutes(deps));
  const agent = { db: database.db, config, chatModel: createChatModel(config), logger };
  for (const path of ["/api/chat", "/api/chat/*", "/api/conversations", "/api/conversations/*"]) app.use(path, user);
  app.route("/api", chatRoutes(agent));
  app.use("/api/:user_id/*", user);
  app.route("/api", compatRoutes(deps, agent));

  // CalDAV (design section 14): HTTP Basic with the account email and an API key, its own XML errors.
  app.route("/", davRoutes(deps));
  app.route("/", feedRoutes(deps));
  app.use("/api/feeds", user);
  app.use("/api/feeds/*", user);
  app.route("/api/feeds", feedSettingsRoutes(deps));
  app.use("/api/export", user);
  app.route("/api/export", exportRoutes(deps));
  app.use(IMPORT_PATH, user);
  app.route(IMPORT_PATH, importRoutes(deps));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "Session token from the set-auth-token header of sign-in, or a personal API key",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "todo-app API",
      version: config.version,
      description: "Tasks, assistant and API keys. Auth endpoints live under /api/auth (Better Auth).",
    },
  });

  app.notFound((c) => errorResponse(c, 404, `No route for ${c.req.method} ${c.req.path}`));
  app.onError(onError);
  return { app, auth, notifier };
}

export type App = ReturnType<typeof createApp>["app"];
