-- Every clinical table is scoped to the practice set for the transaction, as in 0001.
-- Grants come from 0001's default privileges; the sign-in throttle is not tenant data and has no practice policy.
ALTER TABLE checkins ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE checkins FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON checkins USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE checkin_revisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE checkin_revisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON checkin_revisions USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE measure_administrations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE measure_administrations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON measure_administrations USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE measure_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE measure_drafts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON measure_drafts USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE measure_schedules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE measure_schedules FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON measure_schedules USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE alerts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON alerts USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE exercise_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE exercise_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON exercise_templates USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assignments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON assignments USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE assignment_occurrences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assignment_occurrences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON assignment_occurrences USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE submissions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE submissions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON submissions USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE submission_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE submission_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON submission_versions USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE submission_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE submission_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON submission_comments USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
-- Submitted versions are history: the application may add them, never rewrite them.
REVOKE UPDATE, DELETE, TRUNCATE ON submission_versions FROM mend_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON checkin_revisions FROM mend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO mend_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, submission_versions, checkin_revisions FROM mend_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON users FROM mend_app;
