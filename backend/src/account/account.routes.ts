// The app's account routes beside Better Auth's (issue 14): GET /api/account (who am I, what the server allows),
// and the admin's /api/admin/users and /api/admin/invites. Admin routes need a signed-in session of an admin.
import { createRoute, z } from "@hono/zod-openapi";
import {
  Account,
  AccountPathParam,
  AdminUser,
  CreateInviteInput,
  Invite,
  UpdateAdminUserInput,
} from "@todo/contract/account";
import { ForbiddenError, NotFoundError } from "@todo/contract/errors";
import {
  assertAdmin,
  createInvite,
  deleteInvite,
  isAdmin,
  listInvites,
  listUsers,
  setUserDisabled,
} from "@todo/core/account/account.service";
import { users } from "@todo/core/db/schema";
import type { Mailer } from "@todo/core/mail/mailer";
import { invitation } from "@todo/core/mail/messages";
import { logSafeError } from "@todo/core/runtime/log-safe-error";
import { eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../http/context";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";

const param = (name: string) => AccountPathParam.meta({ param: { name, in: "path" } });

export function accountRoutes({ database, config }: AppDeps) {
  const db = database.db;
  const router = createRouter();
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["account"],
      summary: "The signed-in account, whether it is an admin, and the server's sign-up and email settings",
      security,
      responses: { 200: jsonContent(Account, "The account"), ...ErrorResponses },
    }),
    async (c) => {
      const [user] = await db.select().from(users).where(eq(users.id, c.var.user.id)).limit(1);
      if (!user) throw new NotFoundError("Account was not found");
      return c.json(
        {
          id: user.id,
          name: user.name,
          email: user.email,
          email_verified: user.emailVerified,
          admin: await isAdmin(db, config.account, user.id),
          mail_enabled: Boolean(config.mail.smtpUrl),
          email_verification: config.account.emailVerification,
          signup: config.account.signup,
        },
        200,
      );
    },
  );
  return router;
}

export function adminRoutes({ database, config, logger }: AppDeps, mailer: Mailer) {
  const db = database.db;
  const policy = config.account;
  const router = createRouter();
  const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.var.user.via !== "session") throw new ForbiddenError("Admin routes need a signed-in session, not an API key");
    await assertAdmin(db, policy, c.var.user.id);
    await next();
  };
  router.use("*", adminOnly);

  router.openapi(
    createRoute({
      method: "get",
      path: "/users",
      tags: ["admin"],
      summary: "List every user (admins only)",
      security,
      responses: { 200: jsonContent(z.object({ users: z.array(AdminUser) }), "The users"), ...ErrorResponses },
    }),
    async (c) => c.json({ users: await listUsers(db, policy) }, 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/users/{id}",
      tags: ["admin"],
      summary: "Disable (signs them out everywhere, refuses sign-in and API keys) or enable a user",
      security,
      request: {
        params: z.object({ id: param("id") }),
        body: { required: true, ...jsonContent(UpdateAdminUserInput, "The change") },
      },
      responses: { 200: jsonContent(AdminUser, "The user"), ...ErrorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { disabled } = c.req.valid("json");
      return c.json(await setUserDisabled(db, policy, c.var.user.id, id, disabled), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/invites",
      tags: ["admin"],
      summary: "Addresses invited to sign up (SIGNUP=invite)",
      security,
      responses: { 200: jsonContent(z.object({ invites: z.array(Invite) }), "The invitations"), ...ErrorResponses },
    }),
    async (c) => c.json({ invites: await listInvites(db) }, 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/invites",
      tags: ["admin"],
      summary: "Invite an address to sign up (emailed when SMTP_URL is set)",
      security,
      request: { body: { required: true, ...jsonContent(CreateInviteInput, "The address") } },
      responses: { 201: jsonContent(Invite, "The invitation"), ...ErrorResponses },
    }),
    async (c) => {
      const invite = await createInvite(db, c.var.user.id, c.req.valid("json"));
      if (mailer.enabled) {
        mailer
          .send({ to: invite.email, ...invitation({ email: invite.email, appUrl: config.appUrl }) })
          .catch((error: unknown) => logger.warn({ err: logSafeError(error) }, "could not send the invitation"));
      }
      return c.json(invite, 201);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/invites/{email}",
      tags: ["admin"],
      summary: "Withdraw an invitation",
      security,
      request: { params: z.object({ email: param("email") }) },
      responses: { 204: { description: "Withdrawn" }, ...ErrorResponses },
    }),
    async (c) => {
      await deleteInvite(db, c.req.valid("param").email);
      return c.body(null, 204);
    },
  );
  return router;
}
