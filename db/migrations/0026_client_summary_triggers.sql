-- client_summaries (0025): each client's roster facts that change only on a write, kept by statement-level
-- triggers in the writing transaction, whatever code path writes: check-ins (submit, edit, delete),
-- measure administrations (completion, baseline marking), alerts (raised, acknowledged), new clients.
-- Clock-relative facts (days since the last check-in, the homework window, overdue) are not stored; the roster
-- works them out when it reads (lib/caseload/roster-sql.ts).
--
-- One function computes a client's row from the source tables (client_summaries_rebuild); the triggers and the
-- backfill below both call it, so there is one definition of each fact. It runs as the owner (SECURITY DEFINER):
-- row-level security would otherwise show a writer only the rows of their own care team, and a client's
-- check-in must update a row the client may read but not write.
--
-- Concurrency: the writers' transactions lock the affected summary rows (in key order, so two writers never wait
-- on each other in a cycle) before recomputing them, and recompute in a statement of its own, whose snapshot is
-- taken after the lock is granted: of two check-ins for one client at once, the second waits for the first to
-- commit and then sees it. Nothing is added or subtracted, so nothing can be lost or counted twice.
CREATE OR REPLACE FUNCTION client_summaries_rebuild(p_practices uuid[], p_clients uuid[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
  INSERT INTO client_summaries AS s (practice_id, client_id, last_checkin_day, last_checkin_at, last_mood,
    phq9_latest_id, phq9_score, phq9_at, phq9_baseline_id, phq9_baseline,
    gad7_latest_id, gad7_score, gad7_at, gad7_baseline_id, gad7_baseline, urgent_alerts, follow_up_alerts)
  SELECT c.practice_id, c.id, ci.local_day, ci.updated_at, ci.mood,
    pl.id, pl.score, pl.completed_at, pb.id, pb.score,
    gl.id, gl.score, gl.completed_at, gb.id, gb.score,
    coalesce(al.urgent, 0), coalesce(al.follow_up, 0)
  FROM unnest(p_practices, p_clients) AS k(practice_id, client_id)
  JOIN clients c ON c.practice_id = k.practice_id AND c.id = k.client_id
  LEFT JOIN LATERAL (
    SELECT x.local_day, x.updated_at, x.mood FROM checkins x
     WHERE x.practice_id = c.practice_id AND x.client_id = c.id ORDER BY x.local_day DESC LIMIT 1
  ) ci ON true
  LEFT JOIN LATERAL (
    SELECT ma.id, ma.score, ma.completed_at FROM measure_administrations ma
     WHERE ma.practice_id = c.practice_id AND ma.client_id = c.id AND ma.measure = 'phq9'
       AND ma.status = 'complete' AND ma.score IS NOT NULL
     ORDER BY ma.completed_at DESC LIMIT 1
  ) pl ON true
  LEFT JOIN LATERAL (
    -- The baseline: the earliest administration marked as baseline, else the earliest (two top-1 index probes).
    SELECT b.id, b.score FROM (
      (SELECT ma.id, ma.score, 0 AS pick FROM measure_administrations ma
        WHERE ma.practice_id = c.practice_id AND ma.client_id = c.id AND ma.measure = 'phq9'
          AND ma.status = 'complete' AND ma.score IS NOT NULL AND ma.is_baseline
        ORDER BY ma.completed_at ASC LIMIT 1)
      UNION ALL
      (SELECT ma.id, ma.score, 1 AS pick FROM measure_administrations ma
        WHERE ma.practice_id = c.practice_id AND ma.client_id = c.id AND ma.measure = 'phq9'
          AND ma.status = 'complete' AND ma.score IS NOT NULL
        ORDER BY ma.completed_at ASC LIMIT 1)
    ) b ORDER BY b.pick LIMIT 1
  ) pb ON true
  LEFT JOIN LATERAL (
    SELECT ma.id, ma.score, ma.completed_at FROM measure_administrations ma
     WHERE ma.practice_id = c.practice_id AND ma.client_id = c.id AND ma.measure = 'gad7'
       AND ma.status = 'complete' AND ma.score IS NOT NULL
     ORDER BY ma.completed_at DESC LIMIT 1
  ) gl ON true
  LEFT JOIN LATERAL (
    SELECT b.id, b.score FROM (
      (SELECT ma.id, ma.score, 0 AS pick FROM measure_administrations ma
        WHERE ma.practice_id = c.practice_id AND ma.client_id = c.id AND ma.measure = 'gad7'
          AND ma.status = 'complete' AND ma.score IS NOT NULL AND ma.is_baseline
        ORDER BY ma.completed_at ASC LIMIT 1)
      UNION ALL
      (SELECT ma.id, ma.score, 1 AS pick FROM measure_administrations ma
        WHERE ma.practice_id = c.practice_id AND ma.client_id = c.id AND ma.measure = 'gad7'
          AND ma.status = 'complete' AND ma.score IS NOT NULL
        ORDER BY ma.completed_at ASC LIMIT 1)
    ) b ORDER BY b.pick LIMIT 1
  ) gb ON true
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE a.tier = 'urgent')::int AS urgent, count(*) FILTER (WHERE a.tier = 'follow_up')::int AS follow_up
      FROM alerts a WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND a.acknowledged_at IS NULL
  ) al ON true
  ON CONFLICT (practice_id, client_id) DO UPDATE SET
    last_checkin_day = excluded.last_checkin_day, last_checkin_at = excluded.last_checkin_at, last_mood = excluded.last_mood,
    phq9_latest_id = excluded.phq9_latest_id, phq9_score = excluded.phq9_score, phq9_at = excluded.phq9_at,
    phq9_baseline_id = excluded.phq9_baseline_id, phq9_baseline = excluded.phq9_baseline,
    gad7_latest_id = excluded.gad7_latest_id, gad7_score = excluded.gad7_score, gad7_at = excluded.gad7_at,
    gad7_baseline_id = excluded.gad7_baseline_id, gad7_baseline = excluded.gad7_baseline,
    urgent_alerts = excluded.urgent_alerts, follow_up_alerts = excluded.follow_up_alerts
$$;
--> statement-breakpoint
-- Lock, then recompute (two statements: the second's snapshot sees whatever committed while this waited).
CREATE OR REPLACE FUNCTION client_summaries_refresh(p_practices uuid[], p_clients uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF p_clients IS NULL OR cardinality(p_clients) = 0 THEN RETURN; END IF;
  INSERT INTO client_summaries (practice_id, client_id)
    SELECT c.practice_id, c.id FROM unnest(p_practices, p_clients) AS k(practice_id, client_id)
      JOIN clients c ON c.practice_id = k.practice_id AND c.id = k.client_id
     ORDER BY c.practice_id, c.id
    ON CONFLICT DO NOTHING;
  PERFORM 1 FROM client_summaries s JOIN unnest(p_practices, p_clients) AS k(practice_id, client_id)
      ON s.practice_id = k.practice_id AND s.client_id = k.client_id
    ORDER BY s.practice_id, s.client_id FOR UPDATE OF s;
  PERFORM client_summaries_rebuild(p_practices, p_clients);
END
$$;
--> statement-breakpoint
-- The clients a statement touched, old and new (a row moved to another client or practice changes both).
CREATE OR REPLACE FUNCTION client_summaries_after_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
  practices uuid[];
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(k.practice_id ORDER BY k.practice_id, k.client_id), array_agg(k.client_id ORDER BY k.practice_id, k.client_id)
      INTO practices, ids FROM (SELECT DISTINCT n.practice_id, n.client_id FROM new_rows n) k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(k.practice_id ORDER BY k.practice_id, k.client_id), array_agg(k.client_id ORDER BY k.practice_id, k.client_id)
      INTO practices, ids FROM (SELECT DISTINCT o.practice_id, o.client_id FROM old_rows o) k;
  ELSE
    SELECT array_agg(k.practice_id ORDER BY k.practice_id, k.client_id), array_agg(k.client_id ORDER BY k.practice_id, k.client_id)
      INTO practices, ids FROM (SELECT n.practice_id, n.client_id FROM new_rows n UNION SELECT o.practice_id, o.client_id FROM old_rows o) k;
  END IF;
  PERFORM client_summaries_refresh(practices, ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A new client gets their (empty) row at once; clients.id is the client key there.
CREATE OR REPLACE FUNCTION client_summaries_after_client_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  INSERT INTO client_summaries (practice_id, client_id) SELECT n.practice_id, n.id FROM new_rows n ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Statement-level with transition tables: a bulk write (an import, the scale seed) recomputes each client once.
-- Postgres allows one event per trigger with transition tables, hence three per table.
DO $$
DECLARE
  t text;
  op text;
BEGIN
  FOREACH t IN ARRAY ARRAY['checkins', 'measure_administrations', 'alerts'] LOOP
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      EXECUTE format('DROP TRIGGER IF EXISTS client_summaries_%s ON %I', op, t);
      EXECUTE format('CREATE TRIGGER client_summaries_%s AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION client_summaries_after_write()',
        op, upper(op), t,
        CASE op WHEN 'insert' THEN 'NEW TABLE AS new_rows' WHEN 'delete' THEN 'OLD TABLE AS old_rows' ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END);
    END LOOP;
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER client_summaries_insert AFTER INSERT ON clients REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION client_summaries_after_client_insert();
--> statement-breakpoint
-- Clinical content (mood, scores, alert counts): the practice, then the care team, as every clinical table
-- (0003, 0005). The application role reads; only the triggers above write.
ALTER TABLE client_summaries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE client_summaries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON client_summaries USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
CREATE POLICY care_team_scope ON client_summaries AS RESTRICTIVE FOR ALL TO mend_app
  USING (
    (app_role() = 'client' AND client_id = app_client_id())
    OR (app_role() IN ('therapist', 'admin') AND client_id IN (
      SELECT ct.client_id FROM care_team ct
       WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())))
  WITH CHECK (
    (app_role() = 'client' AND client_id = app_client_id())
    OR (app_role() IN ('therapist', 'admin') AND client_id IN (
      SELECT ct.client_id FROM care_team ct
       WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON client_summaries FROM mend_app;
--> statement-breakpoint
-- The metadata of the summary (docs/clinical.md §6.2: dates), for everyone who may list the client, as the
-- views of 0005: an admin the practice's, a therapist the care team's, a client their own.
CREATE OR REPLACE VIEW client_checkin_dates AS
  SELECT s.practice_id, s.client_id, s.last_checkin_day, s.last_checkin_at FROM client_summaries s
   WHERE s.practice_id = app_practice_id() AND (
      app_role() = 'admin'
      OR (app_role() = 'client' AND s.client_id = app_client_id())
      OR (app_role() = 'therapist' AND s.client_id IN (
        SELECT ct.client_id FROM care_team ct
         WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
REVOKE ALL ON client_checkin_dates FROM mend_app;
--> statement-breakpoint
GRANT SELECT ON client_checkin_dates TO mend_app;
--> statement-breakpoint
-- Backfill: every existing client, in one pass.
SELECT client_summaries_rebuild(array_agg(c.practice_id), array_agg(c.id)) FROM clients c;
