-- Mend's own accounts desk: a practice row nobody is a member of. Account email that belongs to no
-- practice yet (a sign-up's confirmation link, "you already have an account") is queued in its
-- outbox and sent by the email job like any other; pending sign-ups are its rows. Its id is fixed
-- (lib/practice/platform.ts).
INSERT INTO practices (id, name, time_zone)
VALUES ('00000000-0000-4000-8000-000000000001', 'Mend accounts', 'UTC')
ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
ALTER TABLE pending_signups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE pending_signups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON pending_signups USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
-- Pending sign-ups are confirmed or left to expire, never deleted by the app.
REVOKE DELETE, TRUNCATE ON pending_signups FROM mend_app;
--> statement-breakpoint
-- Whether any practice exists besides the accounts desk: a fresh deployment sends its first visitor
-- to sign-up. Says nothing about which practices or people exist.
CREATE OR REPLACE FUNCTION deployment_has_practice() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM practices WHERE id <> '00000000-0000-4000-8000-000000000001') $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION deployment_has_practice() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION deployment_has_practice() TO mend_app;
