CREATE TABLE "dav_objects" (
	"task_id" uuid PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"name" text NOT NULL,
	"extra" text,
	"originals" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "dav_objects" ADD CONSTRAINT "dav_objects_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dav_objects_name_idx" ON "dav_objects" USING btree ("name");--> statement-breakpoint
CREATE INDEX "dav_objects_uid_idx" ON "dav_objects" USING btree ("uid");--> statement-breakpoint
CREATE TABLE "dav_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"project_id" text,
	"inbox_owner" text,
	"task_id" uuid NOT NULL
);--> statement-breakpoint
CREATE INDEX "dav_changes_project_idx" ON "dav_changes" USING btree ("project_id","seq");--> statement-breakpoint
CREATE INDEX "dav_changes_inbox_idx" ON "dav_changes" USING btree ("inbox_owner","seq");--> statement-breakpoint
CREATE TABLE "dav_calendar_names" (
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"project_id" text NOT NULL,
	CONSTRAINT "dav_calendar_names_user_id_name_pk" PRIMARY KEY("user_id","name")
);--> statement-breakpoint
ALTER TABLE "dav_calendar_names" ADD CONSTRAINT "dav_calendar_names_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dav_calendar_names" ADD CONSTRAINT "dav_calendar_names_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_unique" UNIQUE("token")
);--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scope" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dav_note_task_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dav_changes (project_id, inbox_owner, task_id)
    VALUES (NEW.project_id, CASE WHEN NEW.project_id IS NULL THEN NEW.user_id END, NEW.id);
  IF TG_OP = 'UPDATE' AND (OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.user_id IS DISTINCT FROM NEW.user_id) THEN
    INSERT INTO dav_changes (project_id, inbox_owner, task_id)
      VALUES (OLD.project_id, CASE WHEN OLD.project_id IS NULL THEN OLD.user_id END, OLD.id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tasks_dav_change AFTER INSERT OR UPDATE ON "tasks" FOR EACH ROW EXECUTE FUNCTION dav_note_task_change();--> statement-breakpoint
CREATE OR REPLACE FUNCTION dav_note_object_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dav_changes (project_id, inbox_owner, task_id)
    SELECT t.project_id, CASE WHEN t.project_id IS NULL THEN t.user_id END, t.id FROM tasks t WHERE t.id = NEW.task_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER dav_objects_change AFTER INSERT OR UPDATE ON "dav_objects" FOR EACH ROW EXECUTE FUNCTION dav_note_object_change();
