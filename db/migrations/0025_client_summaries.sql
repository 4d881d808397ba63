CREATE TABLE "client_summaries" (
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"last_checkin_day" date,
	"last_checkin_at" timestamp with time zone,
	"last_mood" integer,
	"phq9_latest_id" uuid,
	"phq9_score" real,
	"phq9_at" timestamp with time zone,
	"phq9_baseline_id" uuid,
	"phq9_baseline" real,
	"gad7_latest_id" uuid,
	"gad7_score" real,
	"gad7_at" timestamp with time zone,
	"gad7_baseline_id" uuid,
	"gad7_baseline" real,
	"urgent_alerts" integer DEFAULT 0 NOT NULL,
	"follow_up_alerts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "client_summaries_practice_id_client_id_pk" PRIMARY KEY("practice_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "client_summaries" ADD CONSTRAINT "client_summaries_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;