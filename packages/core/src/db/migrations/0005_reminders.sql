CREATE TABLE "notification_settings" (
	"user_id" text PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"email" boolean DEFAULT false NOT NULL,
	"push" boolean DEFAULT false NOT NULL,
	"webhook_url" text,
	"webhook_secret" text NOT NULL,
	"digest_at" text,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_idx" ON "push_subscriptions" ("endpoint");
--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" ("user_id");
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"user_id" text NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"task_id" uuid REFERENCES "tasks"("id") ON DELETE CASCADE,
	"remind_at" timestamp with time zone,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_once_idx" ON "reminder_deliveries" ("task_id", "remind_at", "channel");
--> statement-breakpoint
CREATE INDEX "reminder_deliveries_user_idx" ON "reminder_deliveries" ("user_id", "channel", "created_at");
--> statement-breakpoint
CREATE TABLE "reminder_fires" (
	"task_id" uuid NOT NULL REFERENCES "tasks"("id") ON DELETE CASCADE,
	"remind_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_fires_pk" PRIMARY KEY ("task_id", "remind_at")
);
--> statement-breakpoint
CREATE INDEX "tasks_remind_at_idx" ON "tasks" ("remind_at") WHERE "remind_at" IS NOT NULL AND "completed" = false AND "deleted_at" IS NULL;
--> statement-breakpoint
CREATE TABLE "digests_sent" (
	"user_id" text NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"local_date" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digests_sent_pk" PRIMARY KEY ("user_id", "local_date")
);
