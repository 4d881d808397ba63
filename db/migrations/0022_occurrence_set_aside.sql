ALTER TABLE "assignment_occurrences" ADD COLUMN "set_aside_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignment_occurrences" ADD COLUMN "set_aside_reason" text;