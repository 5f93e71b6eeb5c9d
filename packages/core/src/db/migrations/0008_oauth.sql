-- OAuth 2.1 for MCP clients (issue 16, design section 15): the tables of Better Auth's jwt plugin (signing keys)
-- and @better-auth/oauth-provider (clients, resources, tokens, consents). oauth_consents.last_used_at is ours: the
-- MCP server stamps it when a grant's token is used (Settings -> Connected apps).
CREATE TABLE IF NOT EXISTS "jwks" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"alg" text,
	"crv" text
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "oauth_clients" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL UNIQUE,
	"client_secret" text,
	"client_discovery_id" text,
	"disabled" boolean DEFAULT false,
	"skip_consent" boolean,
	"enable_end_session" boolean,
	"subject_type" text,
	"scopes" text[],
	"client_credentials_scopes" text[] DEFAULT '{}',
	"user_id" text REFERENCES "users"("id") ON DELETE CASCADE,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"name" text,
	"uri" text,
	"icon" text,
	"contacts" text[],
	"tos" text,
	"policy" text,
	"software_id" text,
	"software_version" text,
	"software_statement" text,
	"redirect_uris" text[] NOT NULL,
	"post_logout_redirect_uris" text[],
	"backchannel_logout_uri" text,
	"backchannel_logout_session_required" boolean,
	"token_endpoint_auth_method" text,
	"application_type" text,
	"jwks" text,
	"jwks_uri" text,
	"grant_types" text[],
	"response_types" text[],
	"require_pkce" boolean,
	"dpop_bound_access_tokens" boolean DEFAULT false,
	"reference_id" text,
	"metadata" jsonb
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_clients_user_id_idx" ON "oauth_clients" ("user_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "oauth_resources" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"access_token_ttl" integer,
	"refresh_token_ttl" integer,
	"signing_algorithm" text,
	"signing_key_id" text,
	"allowed_scopes" text[],
	"custom_claims" jsonb,
	"dpop_bound_access_tokens_required" boolean DEFAULT false,
	"disabled" boolean DEFAULT false,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"policy_version" integer DEFAULT 1,
	"metadata" jsonb
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "oauth_client_resources" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL REFERENCES "oauth_clients"("client_id") ON DELETE CASCADE,
	"resource_id" text NOT NULL REFERENCES "oauth_resources"("identifier") ON DELETE CASCADE,
	"metadata" jsonb,
	"created_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_client_resources_client_id_idx" ON "oauth_client_resources" ("client_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_client_resources_resource_id_idx" ON "oauth_client_resources" ("resource_id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "oauth_client_resources_client_id_resource_id_uniq" ON "oauth_client_resources" ("client_id", "resource_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "oauth_refresh_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL UNIQUE,
	"client_id" text NOT NULL REFERENCES "oauth_clients"("client_id") ON DELETE CASCADE,
	"session_id" text REFERENCES "sessions"("id") ON DELETE SET NULL,
	"user_id" text NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"reference_id" text,
	"authorization_code_id" text,
	"resources" text[],
	"requested_user_info_claims" text[],
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked" timestamp with time zone,
	"rotated_at" timestamp with time zone,
	"rotation_replay_response" text,
	"rotation_replay_expires_at" timestamp with time zone,
	"auth_time" timestamp with time zone,
	"confirmation" jsonb,
	"scopes" text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_refresh_tokens_client_id_idx" ON "oauth_refresh_tokens" ("client_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_refresh_tokens_session_id_idx" ON "oauth_refresh_tokens" ("session_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_refresh_tokens_user_id_idx" ON "oauth_refresh_tokens" ("user_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_refresh_tokens_authorization_code_id_idx" ON "oauth_refresh_tokens" ("authorization_code_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "oauth_access_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL UNIQUE,
	"client_id" text NOT NULL REFERENCES "oauth_clients"("client_id") ON DELETE CASCADE,
	"session_id" text REFERENCES "sessions"("id") ON DELETE SET NULL,
	"user_id" text REFERENCES "users"("id") ON DELETE CASCADE,
	"reference_id" text,
	"authorization_code_id" text,
	"resources" text[],
	"requested_user_info_claims" text[],
	"refresh_id" text REFERENCES "oauth_refresh_tokens"("id") ON DELETE CASCADE,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked" timestamp with time zone,
	"confirmation" jsonb,
	"scopes" text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_access_tokens_client_id_idx" ON "oauth_access_tokens" ("client_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_access_tokens_session_id_idx" ON "oauth_access_tokens" ("session_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_access_tokens_user_id_idx" ON "oauth_access_tokens" ("user_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_access_tokens_authorization_code_id_idx" ON "oauth_access_tokens" ("authorization_code_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_access_tokens_refresh_id_idx" ON "oauth_access_tokens" ("refresh_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "oauth_consents" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL REFERENCES "oauth_clients"("client_id") ON DELETE CASCADE,
	"user_id" text REFERENCES "users"("id") ON DELETE CASCADE,
	"reference_id" text,
	"resources" text[],
	"requested_user_info_claims" text[],
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_consents_client_id_idx" ON "oauth_consents" ("client_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "oauth_consents_user_id_idx" ON "oauth_consents" ("user_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "oauth_client_assertions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
