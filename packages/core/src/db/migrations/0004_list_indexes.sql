-- The list's page is chosen on indexes (decision 019): every task belongs to one container, its owner's Inbox
-- ('u:' || user_id) or its project ('p:' || project_id), and each of a user's containers is read in the list's
-- order from an index on (container, sort key, created_at), bounded by the page. Partial indexes keep pending
-- tasks apart so that completed history does not slow the default (pending) list, the views and the due order.
-- The created-order indexes include the container's columns, so that `total` is counted by an index-only scan.
-- Search uses trigram indexes (pg_trgm), so `q` (ILIKE '%…%') need not scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE OR REPLACE FUNCTION todo_tags_text(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$;--> statement-breakpoint
DROP INDEX IF EXISTS "tasks_user_created_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "tasks_user_due_idx";--> statement-breakpoint
CREATE INDEX "tasks_list_created_idx" ON "tasks" ((CASE WHEN "project_id" IS NULL THEN 'u:' || "user_id" ELSE 'p:' || "project_id" END), "created_at") INCLUDE ("user_id", "project_id") WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_list_pending_created_idx" ON "tasks" ((CASE WHEN "project_id" IS NULL THEN 'u:' || "user_id" ELSE 'p:' || "project_id" END), "created_at") INCLUDE ("user_id", "project_id") WHERE "deleted_at" IS NULL AND NOT "completed";--> statement-breakpoint
CREATE INDEX "tasks_list_due_idx" ON "tasks" ((CASE WHEN "project_id" IS NULL THEN 'u:' || "user_id" ELSE 'p:' || "project_id" END), "due_at", "created_at") WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_list_pending_due_idx" ON "tasks" ((CASE WHEN "project_id" IS NULL THEN 'u:' || "user_id" ELSE 'p:' || "project_id" END), "due_at", "created_at") WHERE "deleted_at" IS NULL AND NOT "completed";--> statement-breakpoint
CREATE INDEX "tasks_list_priority_idx" ON "tasks" ((CASE WHEN "project_id" IS NULL THEN 'u:' || "user_id" ELSE 'p:' || "project_id" END), "priority" DESC, "due_at", "created_at" DESC) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_list_pending_priority_idx" ON "tasks" ((CASE WHEN "project_id" IS NULL THEN 'u:' || "user_id" ELSE 'p:' || "project_id" END), "priority" DESC, "due_at", "created_at" DESC) WHERE "deleted_at" IS NULL AND NOT "completed";--> statement-breakpoint
CREATE INDEX "tasks_list_title_idx" ON "tasks" ((CASE WHEN "project_id" IS NULL THEN 'u:' || "user_id" ELSE 'p:' || "project_id" END), lower("title"), "created_at") WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_list_position_idx" ON "tasks" ((CASE WHEN "project_id" IS NULL THEN 'u:' || "user_id" ELSE 'p:' || "project_id" END), "position", "created_at") WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_search_trgm_idx" ON "tasks" USING gin ("title" gin_trgm_ops, "description" gin_trgm_ops, todo_tags_text("tags") gin_trgm_ops) WHERE "deleted_at" IS NULL;
