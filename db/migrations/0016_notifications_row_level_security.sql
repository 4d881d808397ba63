-- Notification and background-work tables are scoped to the practice set for the transaction, as in 0003.
-- Grants come from 0001's default privileges.
ALTER TABLE notification_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON notification_settings USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE reminder_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reminder_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON reminder_preferences USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE clinician_notification_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinician_notification_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON clinician_notification_preferences USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE push_subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE push_subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON push_subscriptions USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE notification_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON notification_deliveries USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE email_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON email_outbox USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE job_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON job_runs USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
-- Background jobs work practice by practice, each in a transaction scoped to it; this lists the
-- practices (ids and time zones only) so a job knows which scopes to open. Nothing else crosses.
CREATE OR REPLACE FUNCTION job_practices() RETURNS TABLE (id uuid, time_zone text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT id, time_zone FROM practices ORDER BY id $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION job_practices() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION job_practices() TO mend_app;
--> statement-breakpoint
-- A client's reminder choices follow the person like clinical rows (0005): the client their own, a
-- therapist or admin their care team's, and named system work (the reminder job, one-click unsubscribe).
CREATE POLICY care_team_scope ON reminder_preferences AS RESTRICTIVE FOR ALL TO mend_app
  USING (
    app_role() = 'system'
    OR (app_role() = 'client' AND client_id = app_client_id())
    OR (app_role() IN ('therapist', 'admin') AND client_id IN (
      SELECT ct.client_id FROM care_team ct
       WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id()))
  )
  WITH CHECK (
    app_role() = 'system'
    OR (app_role() = 'client' AND client_id = app_client_id())
  );
