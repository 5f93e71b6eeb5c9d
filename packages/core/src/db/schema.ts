// Drizzle schema for the whole system of record: Better Auth's tables, tasks, API keys and conversations.
// Migrations in ./migrations are generated from this file with `npm run db:generate`.
import { sql } from "drizzle-orm";
import type { AnyPgColumn, ExtraConfigColumn } from "drizzle-orm/pg-core";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

// ---- Better Auth (field names are the ones Better Auth expects; columns are snake_case) ----

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  ...timestamps,
});

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", {
      withTimezone: true,
    }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", {
      withTimezone: true,
    }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (t) => [index("accounts_user_id_idx").on(t.userId)],
);

export const verifications = pgTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  ...timestamps,
});

/** Better Auth's rate-limit counters, kept in Postgres so every replica shares them. */
export const rateLimits = pgTable("rate_limits", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

// ---- Tasks ----

/** Declaration order is the sort order (none < low < medium < high). */
export const priorityEnum = pgEnum("task_priority", ["none", "low", "medium", "high"]);

/** Per-user task number sequence: numbers are handed out once and never reused. */
export const taskCounters = pgTable("task_counters", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  lastNumber: integer("last_number").notNull().default(0),
});

// ---- Projects and their members (design section 12) ----

export const roleEnum = pgEnum("project_role", ["viewer", "editor", "owner"]);

export const projects = pgTable("projects", {
  /** Opaque random id (never a sequence, so ids say nothing about how many projects exist). */
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  color: text("color").notNull().default("#6b7280"),
  position: doublePrecision("position").notNull().default(0),
  archived: boolean("archived").notNull().default(false),
  ...timestamps,
});

export const projectMembers = pgTable(
  "project_members",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("project_members_user_idx").on(t.userId)],
);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Who created the task; for an Inbox task (project_id null) also the only one who sees it. */
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    projectId: text("project_id").references(() => projects.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => tasks.id, { onDelete: "cascade" }),
    position: doublePrecision("position").notNull().default(0),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    /** Deleted tasks are kept (hidden) so that an undone delete keeps its numbers and its history. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    completed: boolean("completed").notNull().default(false),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    priority: priorityEnum("priority").notNull().default("none"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    dueAt: timestamp("due_at", { withTimezone: true }),
    remindAt: timestamp("remind_at", { withTimezone: true }),
    recurrence: text("recurrence"),
    /** IANA zone the recurrence is evaluated in, so "every Monday 9:00" stays 9:00 across DST. */
    timeZone: text("time_zone").notNull().default("UTC"),
    ...timestamps,
  },
  (t) => [
    ...listIndexes(t),
    index("tasks_tags_gin_idx").using("gin", t.tags),
    index("tasks_project_idx").on(t.projectId),
    index("tasks_parent_idx").on(t.parentId),
  ],
);

/**
 * Every task a user can see has a number in that user's own sequence (task_counters), given when it first
 * becomes visible to them. Rows exist exactly for the users who can see the task: lookups by (user, number)
 * can never name a task the caller cannot see.
 */
export const taskNumbers = pgTable(
  "task_numbers",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.number] }),
    uniqueIndex("task_numbers_user_task_uq").on(t.userId, t.taskId),
    index("task_numbers_task_idx").on(t.taskId),
  ],
);

// ---- Activity: every change to a task or a project ----

export const viaEnum = pgEnum("activity_via", ["web", "api", "mcp", "assistant", "caldav"]);

export const activity = pgTable(
  "activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    via: viaEnum("via").notNull(),
    action: text("action").notNull(),
    projectId: text("project_id").references(() => projects.id, { onDelete: "cascade" }),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "cascade" }),
    /** For an Inbox task (or a project-less entry): the one user who may read the entry. */
    ownerId: text("owner_id").references(() => users.id, { onDelete: "cascade" }),
    before: jsonb("before"),
    after: jsonb("after"),
    undoes: bigint("undoes", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activity_task_idx").on(t.taskId, t.id), index("activity_project_idx").on(t.projectId, t.id)],
);

// ---- Personal API keys (for MCP clients and scripts); only a SHA-256 hash is stored ----

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /** `all`, or `caldav` for a key that only opens /dav/ (migration 0007). */
    scope: text("scope", { enum: ["all", "caldav"] })
      .notNull()
      .default("all"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("api_keys_user_idx").on(t.userId)],
);

// ---- Assistant conversations ----

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ...timestamps,
  },
  (t) => [index("conversations_user_idx").on(t.userId, t.updatedAt)],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    content: text("content").notNull(),
    toolCalls: jsonb("tool_calls"),
    /** The assistant's dialogue state after this answer (contract DialogueState); null on the person's messages. */
    dialogueState: jsonb("dialogue_state"),
    /** Insertion order, so "the latest answer" never depends on two timestamps differing. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("messages_conversation_idx").on(t.conversationId, t.createdAt)],
);

// ---- Shared request limits (issue 19) ----

/**
 * One fixed window per limited key (an MCP caller's tool calls, a user's assistant turns), kept in the database so
 * every replica counts against the same window. One row per key; a new window overwrites the old one.
 */
export const requestWindows = pgTable("request_windows", {
  key: text("key").primaryKey(),
  windowStart: bigint("window_start", { mode: "number" }).notNull(),
  count: integer("count").notNull(),
});

/** Live tasks per container, kept by the tasks_container_counts trigger (migration 0010, decision 026). */
export const containerCounts = pgTable("container_counts", {
  container: text("container").primaryKey(),
  live: integer("live").notNull().default(0),
  pending: integer("pending").notNull().default(0),
  topLive: integer("top_live").notNull().default(0),
  topPending: integer("top_pending").notNull().default(0),
});

export const schema = {
  users,
  sessions,
  accounts,
  verifications,
  rateLimits,
  taskCounters,
  projects,
  projectMembers,
  roleEnum,
  tasks,
  taskNumbers,
  activity,
  viaEnum,
  apiKeys,
  conversations,
  messages,
  priorityEnum,
  requestWindows,
  containerCounts,
};

export type TaskRow = typeof tasks.$inferSelect;

// ---- The list's indexes (migration 0004, decision 019) ----

type ListColumn =
  | "userId"
  | "projectId"
  | "createdAt"
  | "dueAt"
  | "priority"
  | "title"
  | "description"
  | "position"
  | "tags"
  | "deletedAt"
  | "completed";

/**
 * A task's container (its owner's Inbox or its project) and the list's order in it; pending tasks apart; trigram
 * search over title, description and tags. The SQL in migration 0004 is the definition; this mirrors it (the
 * created-order indexes there also INCLUDE user_id and project_id for index-only counts, which drizzle cannot say).
 */
function listIndexes(t: Record<ListColumn, ExtraConfigColumn>) {
  const container = sql`(case when ${t.projectId} is null then 'u:' || ${t.userId} else 'p:' || ${t.projectId} end)`;
  const live = sql`${t.deletedAt} is null`;
  const pending = sql`${t.deletedAt} is null and not ${t.completed}`;
  return [
    index("tasks_list_created_idx").on(container, t.createdAt).where(live),
    index("tasks_list_pending_created_idx").on(container, t.createdAt).where(pending),
    index("tasks_list_due_idx").on(container, t.dueAt, t.createdAt).where(live),
    index("tasks_list_pending_due_idx").on(container, t.dueAt, t.createdAt).where(pending),
    index("tasks_list_priority_idx").on(container, t.priority.desc(), t.dueAt, t.createdAt.desc()).where(live),
    index("tasks_list_pending_priority_idx")
      .on(container, t.priority.desc(), t.dueAt, t.createdAt.desc())
      .where(pending),
    index("tasks_list_title_idx").on(container, sql`lower(${t.title})`, t.createdAt).where(live),
    index("tasks_list_position_idx").on(container, t.position, t.createdAt).where(live),
    index("tasks_search_trgm_idx")
      .using(
        "gin",
        t.title.op("gin_trgm_ops"),
        t.description.op("gin_trgm_ops"),
        sql`todo_tags_text(${t.tags}) gin_trgm_ops`,
      )
      .where(live),
  ];
}

// ---- Account administration (issue 14): disabled users and sign-up invitations ----

/** A user an admin disabled: no new session, no API key, existing sessions deleted when disabled. */
export const disabledUsers = pgTable("disabled_users", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  disabledBy: text("disabled_by").references(() => users.id, { onDelete: "set null" }),
  disabledAt: timestamp("disabled_at", { withTimezone: true }).notNull().defaultNow(),
});

/** With SIGNUP=invite, only these (lower-cased) addresses may create an account; used up by the sign-up. */
export const invites = pgTable("invites", {
  email: text("email").primaryKey(),
  invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---- CalDAV (design section 14, migration 0007) ----

/**
 * What a CalDAV client said about a task that the task itself does not hold: the UID and resource name it chose,
 * the properties the app does not model (`extra`, an iCalendar text), and the client's own spelling of modelled
 * properties (`originals`, jCal per property with the app value it became), returned while the value is unchanged.
 */
export const davObjects = pgTable(
  "dav_objects",
  {
    taskId: uuid("task_id")
      .primaryKey()
      .references(() => tasks.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    name: text("name").notNull(),
    extra: text("extra"),
    originals: jsonb("originals"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dav_objects_name_idx").on(t.name), index("dav_objects_uid_idx").on(t.uid)],
);

/**
 * One row per change to a task (or its dav_objects row), per collection it was or is in; written by triggers,
 * so every path that changes a task (REST, MCP, assistant, undo, CalDAV) moves the collection's sync token.
 */
export const davChanges = pgTable(
  "dav_changes",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    projectId: text("project_id"),
    inboxOwner: text("inbox_owner"),
    taskId: uuid("task_id").notNull(),
  },
  (t) => [
    index("dav_changes_project_idx").on(t.projectId, t.seq),
    index("dav_changes_inbox_idx").on(t.inboxOwner, t.seq),
  ],
);

/** The path a client gave MKCALENDAR, kept as another name of the project it created (project ids are opaque). */
export const davCalendarNames = pgTable(
  "dav_calendar_names",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.name] })],
);

/** The secret of a user's read-only iCalendar feed (due tasks as events); rotating replaces it. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text("token").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---- Reminders (design section 13; migration 0005): per-user channels, push subscriptions, delivery log ----

export const notificationSettings = pgTable("notification_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  email: boolean("email").notNull().default(false),
  push: boolean("push").notNull().default(false),
  webhookUrl: text("webhook_url"),
  /** Key of the webhook's X-Todo-Signature HMAC, generated with the settings row. */
  webhookSecret: text("webhook_secret").notNull(),
  /** "HH:MM" local time of the daily digest, or null. */
  digestAt: text("digest_at"),
  timezone: text("timezone").notNull().default("UTC"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpoint),
    index("push_subscriptions_user_idx").on(t.userId),
  ],
);

/** One row per (task, remind_at, channel): the claim that makes a delivery happen once, and the delivery log. */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Null for a "send a test". */
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "cascade" }),
    remindAt: timestamp("remind_at", { withTimezone: true }),
    channel: text("channel").notNull(),
    /** sending | sent | failed */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    ...timestamps,
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("reminder_deliveries_once_idx").on(t.taskId, t.remindAt, t.channel),
    index("reminder_deliveries_user_idx").on(t.userId, t.channel, t.createdAt),
  ],
);

/** A reminder (task, remind_at) whose time came while the task still wanted it: fanned out to the channels. */
export const reminderFires = pgTable(
  "reminder_fires",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    remindAt: timestamp("remind_at", { withTimezone: true }).notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "reminder_fires_pk", columns: [t.taskId, t.remindAt] })],
);

/** The daily digest email a user got on a local date (YYYY-MM-DD in their time zone): once per day. */
export const digestsSent = pgTable(
  "digests_sent",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    localDate: text("local_date").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "digests_sent_pk", columns: [t.userId, t.localDate] })],
);

// ---- OAuth 2.1 for MCP clients (issue 16, design section 15; migration 0008) ----
// Better Auth's jwt plugin (signing keys) and @better-auth/oauth-provider; field names are the plugins' own.

export const jwks = pgTable("jwks", {
  id: text("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  alg: text("alg"),
  crv: text("crv"),
});

export const oauthClients = pgTable(
  "oauth_clients",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id").notNull().unique(),
    clientSecret: text("client_secret"),
    clientDiscoveryId: text("client_discovery_id"),
    disabled: boolean("disabled").default(false),
    skipConsent: boolean("skip_consent"),
    enableEndSession: boolean("enable_end_session"),
    subjectType: text("subject_type"),
    scopes: text("scopes").array(),
    clientCredentialsScopes: text("client_credentials_scopes").array().default(sql`'{}'::text[]`),
    userId: text("user_id").references((): AnyPgColumn => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    name: text("name"),
    uri: text("uri"),
    icon: text("icon"),
    contacts: text("contacts").array(),
    tos: text("tos"),
    policy: text("policy"),
    softwareId: text("software_id"),
    softwareVersion: text("software_version"),
    softwareStatement: text("software_statement"),
    redirectUris: text("redirect_uris").array().notNull(),
    postLogoutRedirectUris: text("post_logout_redirect_uris").array(),
    backchannelLogoutUri: text("backchannel_logout_uri"),
    backchannelLogoutSessionRequired: boolean("backchannel_logout_session_required"),
    tokenEndpointAuthMethod: text("token_endpoint_auth_method"),
    applicationType: text("application_type"),
    jwks: text("jwks"),
    jwksUri: text("jwks_uri"),
    grantTypes: text("grant_types").array(),
    responseTypes: text("response_types").array(),
    requirePKCE: boolean("require_pkce"),
    dpopBoundAccessTokens: boolean("dpop_bound_access_tokens").default(false),
    referenceId: text("reference_id"),
    metadata: jsonb("metadata"),
  },
  (t) => [index("oauth_clients_user_id_idx").on(t.userId)],
);

export const oauthResources = pgTable("oauth_resources", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull().unique(),
  name: text("name").notNull(),
  accessTokenTtl: integer("access_token_ttl"),
  refreshTokenTtl: integer("refresh_token_ttl"),
  signingAlgorithm: text("signing_algorithm"),
  signingKeyId: text("signing_key_id"),
  allowedScopes: text("allowed_scopes").array(),
  customClaims: jsonb("custom_claims"),
  dpopBoundAccessTokensRequired: boolean("dpop_bound_access_tokens_required").default(false),
  disabled: boolean("disabled").default(false),
  createdAt: timestamp("created_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }),
  policyVersion: integer("policy_version").default(1),
  metadata: jsonb("metadata"),
});

export const oauthClientResources = pgTable(
  "oauth_client_resources",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id")
      .notNull()
      .references((): AnyPgColumn => oauthClients.clientId, { onDelete: "cascade" }),
    resourceId: text("resource_id")
      .notNull()
      .references((): AnyPgColumn => oauthResources.identifier, { onDelete: "cascade" }),
    metadata: jsonb("metadata"),
    createdAt: timestamp("created_at", { withTimezone: true }),
  },
  (t) => [
    index("oauth_client_resources_client_id_idx").on(t.clientId),
    index("oauth_client_resources_resource_id_idx").on(t.resourceId),
    uniqueIndex("oauth_client_resources_client_id_resource_id_uniq").on(t.clientId, t.resourceId),
  ],
);

export const oauthRefreshTokens = pgTable(
  "oauth_refresh_tokens",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    clientId: text("client_id")
      .notNull()
      .references((): AnyPgColumn => oauthClients.clientId, { onDelete: "cascade" }),
    sessionId: text("session_id").references((): AnyPgColumn => sessions.id, { onDelete: "set null" }),
    userId: text("user_id")
      .notNull()
      .references((): AnyPgColumn => users.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    authorizationCodeId: text("authorization_code_id"),
    resources: text("resources").array(),
    requestedUserInfoClaims: text("requested_user_info_claims").array(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revoked: timestamp("revoked", { withTimezone: true }),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    rotationReplayResponse: text("rotation_replay_response"),
    rotationReplayExpiresAt: timestamp("rotation_replay_expires_at", { withTimezone: true }),
    authTime: timestamp("auth_time", { withTimezone: true }),
    confirmation: jsonb("confirmation"),
    scopes: text("scopes").array().notNull(),
  },
  (t) => [
    index("oauth_refresh_tokens_client_id_idx").on(t.clientId),
    index("oauth_refresh_tokens_session_id_idx").on(t.sessionId),
    index("oauth_refresh_tokens_user_id_idx").on(t.userId),
    index("oauth_refresh_tokens_authorization_code_id_idx").on(t.authorizationCodeId),
  ],
);

export const oauthAccessTokens = pgTable(
  "oauth_access_tokens",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    clientId: text("client_id")
      .notNull()
      .references((): AnyPgColumn => oauthClients.clientId, { onDelete: "cascade" }),
    sessionId: text("session_id").references((): AnyPgColumn => sessions.id, { onDelete: "set null" }),
    userId: text("user_id").references((): AnyPgColumn => users.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    authorizationCodeId: text("authorization_code_id"),
    resources: text("resources").array(),
    requestedUserInfoClaims: text("requested_user_info_claims").array(),
    refreshId: text("refresh_id").references((): AnyPgColumn => oauthRefreshTokens.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revoked: timestamp("revoked", { withTimezone: true }),
    confirmation: jsonb("confirmation"),
    scopes: text("scopes").array().notNull(),
  },
  (t) => [
    index("oauth_access_tokens_client_id_idx").on(t.clientId),
    index("oauth_access_tokens_session_id_idx").on(t.sessionId),
    index("oauth_access_tokens_user_id_idx").on(t.userId),
    index("oauth_access_tokens_authorization_code_id_idx").on(t.authorizationCodeId),
    index("oauth_access_tokens_refresh_id_idx").on(t.refreshId),
  ],
);

export const oauthConsents = pgTable(
  "oauth_consents",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id")
      .notNull()
      .references((): AnyPgColumn => oauthClients.clientId, { onDelete: "cascade" }),
    userId: text("user_id").references((): AnyPgColumn => users.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    resources: text("resources").array(),
    requestedUserInfoClaims: text("requested_user_info_claims").array(),
    scopes: text("scopes").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** Ours, not the plugin's: when the MCP server last accepted a token of this grant. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("oauth_consents_client_id_idx").on(t.clientId), index("oauth_consents_user_id_idx").on(t.userId)],
);

export const oauthClientAssertions = pgTable("oauth_client_assertions", {
  id: text("id").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export const oauthSchema = {
  jwks,
  oauthClient: oauthClients,
  oauthResource: oauthResources,
  oauthClientResource: oauthClientResources,
  oauthRefreshToken: oauthRefreshTokens,
  oauthAccessToken: oauthAccessTokens,
  oauthConsent: oauthConsents,
  oauthClientAssertion: oauthClientAssertions,
};
