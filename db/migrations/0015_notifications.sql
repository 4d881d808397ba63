CREATE TABLE "clinician_notification_preferences" (
	"practice_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"daily_digest" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinician_notification_preferences_practice_id_membership_id_pk" PRIMARY KEY("practice_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"unsubscribe_url" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"practice_id" uuid NOT NULL,
	"job" text NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_succeeded_at" timestamp with time zone,
	"last_failed_at" timestamp with time zone,
	"failures_in_a_row" integer DEFAULT 0 NOT NULL,
	"total_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "job_runs_practice_id_job_pk" PRIMARY KEY("practice_id","job")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"emailed" boolean DEFAULT false NOT NULL,
	"pushed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "notification_deliveries_once_key" UNIQUE("practice_id","membership_id","kind","subject_key")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"reminders_on_by_default" boolean DEFAULT true NOT NULL,
	"default_checkin_time" text DEFAULT '19:00' NOT NULL,
	"default_quiet_start" text DEFAULT '21:00' NOT NULL,
	"default_quiet_end" text DEFAULT '08:00' NOT NULL,
	"default_weekly_cap" integer DEFAULT 7 NOT NULL,
	"escalation_window_minutes" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_subscriptions_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "push_subscriptions_endpoint_key" UNIQUE("practice_id","endpoint")
);
--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"enabled" boolean NOT NULL,
	"email" boolean DEFAULT true NOT NULL,
	"push" boolean DEFAULT true NOT NULL,
	"checkin_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"quiet_start" text NOT NULL,
	"quiet_end" text NOT NULL,
	"weekly_cap" integer NOT NULL,
	"paused_until" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_preferences_practice_id_client_id_pk" PRIMARY KEY("practice_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "clinician_notification_preferences" ADD CONSTRAINT "clinician_notification_preferences_practice_id_membership_id_memberships_practice_id_id_fk" FOREIGN KEY ("practice_id","membership_id") REFERENCES "public"."memberships"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_practice_id_membership_id_memberships_practice_id_id_fk" FOREIGN KEY ("practice_id","membership_id") REFERENCES "public"."memberships"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_practice_id_membership_id_memberships_practice_id_id_fk" FOREIGN KEY ("practice_id","membership_id") REFERENCES "public"."memberships"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_recent_idx" ON "notification_deliveries" USING btree ("practice_id","membership_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "push_subscriptions_member_idx" ON "push_subscriptions" USING btree ("practice_id","membership_id");