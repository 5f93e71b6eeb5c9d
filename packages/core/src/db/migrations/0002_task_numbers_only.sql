DROP INDEX "tasks_user_number_uq";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "number";