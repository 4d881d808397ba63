CREATE TABLE "checkin_revisions" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"checkin_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkin_revisions_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"local_day" date NOT NULL,
	"mood" integer NOT NULL,
	"distress" integer NOT NULL,
	"window" text NOT NULL,
	"sleep_hours" real,
	"sleep_quality" integer,
	"social_contact" text,
	"felt_connected" integer,
	"felt_rejected" integer,
	"self_care" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"safety_thoughts" boolean,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkins_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "checkins_client_day_key" UNIQUE("practice_id","client_id","local_day")
);
--> statement-breakpoint
CREATE TABLE "measure_administrations" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb NOT NULL,
	"score" real,
	"raw_score" real,
	"band" text,
	"prorated" boolean DEFAULT false NOT NULL,
	"is_baseline" boolean DEFAULT false NOT NULL,
	"occurrence_id" uuid,
	"submission_key" text NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_administrations_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "measure_administrations_submission_key" UNIQUE("practice_id","submission_key")
);
--> statement-breakpoint
CREATE TABLE "measure_drafts" (
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_drafts_practice_id_client_id_measure_pk" PRIMARY KEY("practice_id","client_id","measure")
);
--> statement-breakpoint
CREATE TABLE "measure_schedules" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"every_days" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_schedules_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"tier" text NOT NULL,
	"reason" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_membership_id" uuid,
	"acknowledgement_action" text,
	"acknowledgement_note" text,
	CONSTRAINT "alerts_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "alerts_source_kind_key" UNIQUE("practice_id","source_type","source_id","kind")
);
--> statement-breakpoint
CREATE TABLE "assignment_occurrences" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"local_date" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_occurrences_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "assignment_occurrences_index_key" UNIQUE("practice_id","assignment_id","index")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"template_key" text NOT NULL,
	"template_version" integer,
	"instructions" text,
	"prompt_choice" text,
	"start_date" date NOT NULL,
	"due_time" text DEFAULT '20:00' NOT NULL,
	"time_zone" text NOT NULL,
	"recurrence" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by_membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "exercise_templates" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"shared_with_practice" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by_membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_templates_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "exercise_templates_key_version" UNIQUE("practice_id","key","version")
);
--> statement-breakpoint
CREATE TABLE "submission_comments" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"field_path" text,
	"body" text NOT NULL,
	"visibility" text DEFAULT 'client' NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_comments_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "submission_versions" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_versions_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "submission_versions_version_key" UNIQUE("practice_id","submission_id","version")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"template_key" text NOT NULL,
	"template_version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"draft_answers" jsonb,
	"draft_saved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "submissions_occurrence_key" UNIQUE("practice_id","occurrence_id")
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "measure_defaults" jsonb DEFAULT '[{"measure":"phq9","everyDays":14,"atIntake":true},{"measure":"gad7","everyDays":14,"atIntake":true},{"measure":"who5","everyDays":30,"atIntake":true},{"measure":"arsq","everyDays":30,"atIntake":true},{"measure":"scssf","everyDays":30,"atIntake":true}]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "checkin_revisions" ADD CONSTRAINT "checkin_revisions_practice_id_checkin_id_checkins_practice_id_id_fk" FOREIGN KEY ("practice_id","checkin_id") REFERENCES "public"."checkins"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_administrations" ADD CONSTRAINT "measure_administrations_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_drafts" ADD CONSTRAINT "measure_drafts_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_practice_id_created_by_membership_id_memberships_practice_id_id_fk" FOREIGN KEY ("practice_id","created_by_membership_id") REFERENCES "public"."memberships"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_practice_id_acknowledged_by_membership_id_memberships_practice_id_id_fk" FOREIGN KEY ("practice_id","acknowledged_by_membership_id") REFERENCES "public"."memberships"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_occurrences" ADD CONSTRAINT "assignment_occurrences_practice_id_assignment_id_assignments_practice_id_id_fk" FOREIGN KEY ("practice_id","assignment_id") REFERENCES "public"."assignments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_occurrences" ADD CONSTRAINT "assignment_occurrences_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_practice_id_created_by_membership_id_memberships_practice_id_id_fk" FOREIGN KEY ("practice_id","created_by_membership_id") REFERENCES "public"."memberships"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_templates" ADD CONSTRAINT "exercise_templates_practice_id_created_by_membership_id_memberships_practice_id_id_fk" FOREIGN KEY ("practice_id","created_by_membership_id") REFERENCES "public"."memberships"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_comments" ADD CONSTRAINT "submission_comments_practice_id_submission_id_submissions_practice_id_id_fk" FOREIGN KEY ("practice_id","submission_id") REFERENCES "public"."submissions"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_comments" ADD CONSTRAINT "submission_comments_practice_id_author_membership_id_memberships_practice_id_id_fk" FOREIGN KEY ("practice_id","author_membership_id") REFERENCES "public"."memberships"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_practice_id_submission_id_submissions_practice_id_id_fk" FOREIGN KEY ("practice_id","submission_id") REFERENCES "public"."submissions"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_practice_id_occurrence_id_assignment_occurrences_practice_id_id_fk" FOREIGN KEY ("practice_id","occurrence_id") REFERENCES "public"."assignment_occurrences"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_practice_id_assignment_id_assignments_practice_id_id_fk" FOREIGN KEY ("practice_id","assignment_id") REFERENCES "public"."assignments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkin_revisions_checkin_idx" ON "checkin_revisions" USING btree ("practice_id","checkin_id");--> statement-breakpoint
CREATE INDEX "measure_administrations_client_idx" ON "measure_administrations" USING btree ("practice_id","client_id","measure","completed_at");--> statement-breakpoint
CREATE INDEX "measure_schedules_client_idx" ON "measure_schedules" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE INDEX "alerts_open_idx" ON "alerts" USING btree ("practice_id","client_id","acknowledged_at");--> statement-breakpoint
CREATE INDEX "assignment_occurrences_client_due_idx" ON "assignment_occurrences" USING btree ("practice_id","client_id","due_at");--> statement-breakpoint
CREATE INDEX "assignments_client_idx" ON "assignments" USING btree ("practice_id","client_id","created_at");--> statement-breakpoint
CREATE INDEX "submission_comments_submission_idx" ON "submission_comments" USING btree ("practice_id","submission_id");--> statement-breakpoint
CREATE INDEX "submissions_client_idx" ON "submissions" USING btree ("practice_id","client_id","submitted_at");