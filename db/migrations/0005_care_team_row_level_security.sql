-- Inside a practice, clinical rows follow the person (docs/clinical.md §6), in Postgres as well as in the app:
-- a client's transaction sees only their own rows, a therapist's or an admin's only their care team's.
-- The scoped transaction sets, beside app.practice_id and only for itself (set_config(..., true)):
--   app.role           'client' | 'therapist' | 'admin' | 'system' (named system work: invitations, sign-up)
--   app.membership_id  the actor's membership, whose care team opens clinical rows
--   app.client_id      the client's own record, for a client
-- The policies below are RESTRICTIVE and apply to the application role only: they narrow the practice
-- policies of 0001/0003, never widen them. Migrations, the seed and the metadata views below run as the owner.
CREATE OR REPLACE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.role', true), '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_membership_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.membership_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_client_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.client_id', true), '')::uuid $$;
--> statement-breakpoint
-- Clinical tables: every one carries client_id. The care-team set is an uncorrelated subquery, so the
-- planner evaluates it once per statement (a hashed SubPlan over care_team_member_idx), not once per row.
DO $$
DECLARE
  t text;
  permitted constant text := $p$(
    (app_role() = 'client' AND client_id = app_client_id())
    OR (app_role() IN ('therapist', 'admin') AND client_id IN (
      SELECT ct.client_id FROM care_team ct
       WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id()))
  )$p$;
BEGIN
  FOREACH t IN ARRAY ARRAY['checkins', 'checkin_revisions', 'measure_administrations', 'measure_drafts',
    'measure_schedules', 'assignments', 'assignment_occurrences', 'submissions', 'submission_versions',
    'submission_comments'] LOOP
    EXECUTE format('DROP POLICY IF EXISTS care_team_scope ON %I', t);
    EXECUTE format('CREATE POLICY care_team_scope ON %I AS RESTRICTIVE FOR ALL TO mend_app USING %s WITH CHECK %s',
      t, permitted, permitted);
  END LOOP;

  -- Alerts: the care team's, and (docs/clinical.md §5.3) an urgent alert left unacknowledged past the escalation
  -- window is an admin's too, so that they can act on it (and still read it back once they have).
  -- 24 hours is OUR_RULES.urgentEscalationHours (tests/integration/care-team-rls.test.ts holds them equal).
  DROP POLICY IF EXISTS care_team_read ON alerts;
  DROP POLICY IF EXISTS care_team_update ON alerts;
  DROP POLICY IF EXISTS care_team_insert ON alerts;
  DROP POLICY IF EXISTS care_team_delete ON alerts;
  EXECUTE format($p$CREATE POLICY care_team_read ON alerts AS RESTRICTIVE FOR SELECT TO mend_app USING (%s
    OR (app_role() = 'admin' AND tier = 'urgent' AND raised_at <= now() - interval '24 hours'
      AND (acknowledged_at IS NULL OR acknowledged_by_membership_id = app_membership_id())))$p$, permitted);
  EXECUTE format($p$CREATE POLICY care_team_update ON alerts AS RESTRICTIVE FOR UPDATE TO mend_app USING (%s
    OR (app_role() = 'admin' AND tier = 'urgent' AND acknowledged_at IS NULL AND raised_at <= now() - interval '24 hours'))
    WITH CHECK (%s OR (app_role() = 'admin' AND tier = 'urgent' AND raised_at <= now() - interval '24 hours'
      AND acknowledged_by_membership_id = app_membership_id()))$p$, permitted, permitted);
  EXECUTE format('CREATE POLICY care_team_insert ON alerts AS RESTRICTIVE FOR INSERT TO mend_app WITH CHECK %s', permitted);
  EXECUTE format('CREATE POLICY care_team_delete ON alerts AS RESTRICTIVE FOR DELETE TO mend_app USING %s', permitted);
END
$$;
--> statement-breakpoint
-- A client never reads a note the therapist marked private, even on their own submission.
DROP POLICY IF EXISTS private_notes ON submission_comments;
--> statement-breakpoint
CREATE POLICY private_notes ON submission_comments AS RESTRICTIVE FOR ALL TO mend_app
  USING (app_role() IS DISTINCT FROM 'client' OR visibility = 'client')
  WITH CHECK (app_role() IS DISTINCT FROM 'client' OR visibility = 'client');
--> statement-breakpoint
-- The clinical record's own row: a client sees only theirs, a therapist their care team's, an admin (and
-- named system work such as accepting an invitation) the practice's. Resolving the actor, before any
-- role is known, sees only the record linked to the signed-in user.
DROP POLICY IF EXISTS care_team_scope ON clients;
--> statement-breakpoint
CREATE POLICY care_team_scope ON clients AS RESTRICTIVE FOR ALL TO mend_app
  USING (
    app_role() IN ('admin', 'system')
    OR (app_role() = 'client' AND id = app_client_id())
    OR (app_role() = 'therapist' AND id IN (
      SELECT ct.client_id FROM care_team ct
       WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id()))
    OR (app_role() IS NULL AND user_id = app_user_id())
  )
  WITH CHECK (
    app_role() IN ('admin', 'system')
    OR (app_role() = 'client' AND id = app_client_id())
    OR (app_role() = 'therapist' AND id IN (
      SELECT ct.client_id FROM care_team ct
       WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id()))
  );
--> statement-breakpoint
-- Who treats whom is not clinical content, but a client sees only their own care team.
DROP POLICY IF EXISTS own_care_team ON care_team;
--> statement-breakpoint
CREATE POLICY own_care_team ON care_team AS RESTRICTIVE FOR ALL TO mend_app
  USING (app_role() IS DISTINCT FROM 'client' OR client_id = app_client_id())
  WITH CHECK (app_role() IS DISTINCT FROM 'client' OR client_id = app_client_id());
--> statement-breakpoint
-- Non-clinical metadata (docs/clinical.md §6.2: status, dates, counts) of every client, for admins off the care
-- team: the roster's last check-in day and homework counts, a record's homework outline, practice figures.
-- Each view names only metadata columns, so no note, answer, score or instruction can be read through it;
-- it runs as its owner, so it states the practice and the viewer itself. Its condition is written out, not
-- a function (a SQL function with a subquery is not inlined, and would run once per row), and the views are
-- plain rather than security_barrier so that the planner keeps an outer ORDER BY ... LIMIT 1 on the index.
-- Read-only for the application role.
CREATE OR REPLACE VIEW checkin_days AS
  SELECT c.practice_id, c.client_id, c.local_day, c.updated_at FROM checkins c
   WHERE c.practice_id = app_practice_id() AND (
      app_role() = 'admin'
      OR (app_role() = 'client' AND c.client_id = app_client_id())
      OR (app_role() = 'therapist' AND c.client_id IN (
        SELECT ct.client_id FROM care_team ct
         WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
CREATE OR REPLACE VIEW measure_schedule_dates AS
  SELECT m.practice_id, m.id, m.client_id, m.measure, m.every_days, m.start_date, m.end_date, m.active
    FROM measure_schedules m
   WHERE m.practice_id = app_practice_id() AND (
      app_role() = 'admin'
      OR (app_role() = 'client' AND m.client_id = app_client_id())
      OR (app_role() = 'therapist' AND m.client_id IN (
        SELECT ct.client_id FROM care_team ct
         WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
CREATE OR REPLACE VIEW occurrence_statuses AS
  SELECT o.practice_id, o.id, o.assignment_id, o.client_id, o.index, o.local_date, o.due_at, o.status
    FROM assignment_occurrences o
   WHERE o.practice_id = app_practice_id() AND (
      app_role() = 'admin'
      OR (app_role() = 'client' AND o.client_id = app_client_id())
      OR (app_role() = 'therapist' AND o.client_id IN (
        SELECT ct.client_id FROM care_team ct
         WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
CREATE OR REPLACE VIEW assignment_outlines AS
  SELECT a.practice_id, a.id, a.client_id, a.kind, a.template_key, a.template_version, a.start_date, a.due_time,
         a.time_zone, a.recurrence, a.status, a.created_at
    FROM assignments a
   WHERE a.practice_id = app_practice_id() AND (
      app_role() = 'admin'
      OR (app_role() = 'client' AND a.client_id = app_client_id())
      OR (app_role() = 'therapist' AND a.client_id IN (
        SELECT ct.client_id FROM care_team ct
         WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
CREATE OR REPLACE VIEW submission_statuses AS
  SELECT s.practice_id, s.id, s.occurrence_id, s.assignment_id, s.client_id, s.template_key, s.template_version,
         s.status, s.current_version, s.submitted_at, s.reviewed_at
    FROM submissions s
   WHERE s.practice_id = app_practice_id() AND (
      app_role() = 'admin'
      OR (app_role() = 'client' AND s.client_id = app_client_id())
      OR (app_role() = 'therapist' AND s.client_id IN (
        SELECT ct.client_id FROM care_team ct
         WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
CREATE OR REPLACE VIEW alert_statuses AS
  SELECT a.practice_id, a.id, a.client_id, a.tier, a.raised_at, a.acknowledged_at
    FROM alerts a
   WHERE a.practice_id = app_practice_id() AND (
      app_role() = 'admin'
      OR (app_role() = 'client' AND a.client_id = app_client_id())
      OR (app_role() = 'therapist' AND a.client_id IN (
        SELECT ct.client_id FROM care_team ct
         WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
REVOKE ALL ON checkin_days, measure_schedule_dates, occurrence_statuses, assignment_outlines, submission_statuses, alert_statuses FROM mend_app;
--> statement-breakpoint
GRANT SELECT ON checkin_days, measure_schedule_dates, occurrence_statuses, assignment_outlines, submission_statuses, alert_statuses TO mend_app;
--> statement-breakpoint
-- The practice overview's outcome shares need each client's score series; an admin gets them without the
-- client: each series is keyed by its rank among the practice's clients, a number that names no one.
CREATE OR REPLACE FUNCTION practice_outcome_series(p_measures text[])
RETURNS TABLE (client_key int, measure text, score real, completed_at timestamptz, is_baseline boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT dense_rank() OVER (ORDER BY m.client_id)::int, m.measure, m.score, m.completed_at, m.is_baseline
    FROM measure_administrations m
   WHERE m.practice_id = app_practice_id() AND app_role() = 'admin'
     AND m.status = 'complete' AND m.measure = ANY (p_measures) AND m.score IS NOT NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION practice_outcome_series(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION practice_outcome_series(text[]) TO mend_app;
