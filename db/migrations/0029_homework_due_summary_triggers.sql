-- The open homework's due times in each client's summary row (column added by 0028), so the roster's "overdue
-- homework" is a count of the due times inside the adherence window before now() (a binary search of one sorted
-- array per client, lib/caseload/roster-facts.ts), not a grouped scan of the practice's occurrences at read time.
-- Open means neither done (submitted, reviewed), cancelled nor set aside; future occurrences are kept too, since
-- they fall due as the clock moves without any write. Kept like the rest of the row (0026): the rebuild below is
-- 0026's with the new column (and 0027's search path; CREATE OR REPLACE keeps 0027's grants), and statement-level
-- triggers on assignment_occurrences lock the touched clients' rows in key order and recompute them in the writing
-- transaction, whatever path writes (assignment, submission, review, set-aside, cancellation, the scale seed's bulk
-- insert).
CREATE OR REPLACE FUNCTION client_summaries_rebuild(p_practices uuid[], p_clients uuid[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
  INSERT INTO client_summaries AS s (practice_id, client_id, last_checkin_day, last_checkin_at, last_mood,
    phq9_latest_id, phq9_score, phq9_at, phq9_baseline_id, phq9_baseline,
    gad7_latest_id, gad7_score, gad7_at, gad7_baseline_id, gad7_baseline, urgent_alerts, follow_up_alerts,
    open_homework_due_at)
  SELECT c.practice_id, c.id, ci.local_day, ci.updated_at, ci.mood,
    pl.id, pl.score, pl.completed_at, pb.id, pb.score,
    gl.id, gl.score, gl.completed_at, gb.id, gb.score,
    coalesce(al.urgent, 0), coalesce(al.follow_up, 0), hw.due_at
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
  LEFT JOIN LATERAL (
    -- Open: neither done (submitted, reviewed), cancelled nor set aside (lib/caseload/attention.ts), past or future.
    SELECT coalesce(array_agg(o.due_at ORDER BY o.due_at), '{}') AS due_at FROM assignment_occurrences o
     WHERE o.practice_id = c.practice_id AND o.client_id = c.id
       AND o.status NOT IN ('submitted', 'reviewed', 'cancelled', 'set_aside')
  ) hw ON true
  ON CONFLICT (practice_id, client_id) DO UPDATE SET
    last_checkin_day = excluded.last_checkin_day, last_checkin_at = excluded.last_checkin_at, last_mood = excluded.last_mood,
    phq9_latest_id = excluded.phq9_latest_id, phq9_score = excluded.phq9_score, phq9_at = excluded.phq9_at,
    phq9_baseline_id = excluded.phq9_baseline_id, phq9_baseline = excluded.phq9_baseline,
    gad7_latest_id = excluded.gad7_latest_id, gad7_score = excluded.gad7_score, gad7_at = excluded.gad7_at,
    gad7_baseline_id = excluded.gad7_baseline_id, gad7_baseline = excluded.gad7_baseline,
    urgent_alerts = excluded.urgent_alerts, follow_up_alerts = excluded.follow_up_alerts,
    open_homework_due_at = excluded.open_homework_due_at
$$;
--> statement-breakpoint
DO $$
DECLARE
  op text;
BEGIN
  FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS client_summaries_%s ON assignment_occurrences', op);
    EXECUTE format('CREATE TRIGGER client_summaries_%s AFTER %s ON assignment_occurrences REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION client_summaries_after_write()',
      op, upper(op),
      CASE op WHEN 'insert' THEN 'NEW TABLE AS new_rows' WHEN 'delete' THEN 'OLD TABLE AS old_rows' ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Due times are metadata (docs/clinical.md §6.2: dates), as occurrence_statuses shows them: for everyone who may
-- list the client. The view of 0026 with the new column at its end, and the session's settings read once per
-- statement (scalar subqueries, evaluated once as init plans) instead of once per row: the admin's roster reads
-- a row of this view for each of the practice's clients.
CREATE OR REPLACE VIEW client_checkin_dates AS
  SELECT s.practice_id, s.client_id, s.last_checkin_day, s.last_checkin_at, s.open_homework_due_at FROM client_summaries s
   WHERE s.practice_id = (SELECT app_practice_id()) AND (
      (SELECT app_role()) = 'admin'
      OR ((SELECT app_role()) = 'client' AND s.client_id = (SELECT app_client_id()))
      OR ((SELECT app_role()) = 'therapist' AND s.client_id IN (
        SELECT ct.client_id FROM care_team ct
         WHERE ct.practice_id = app_practice_id() AND ct.membership_id = app_membership_id())));
--> statement-breakpoint
-- Backfill: every existing client, in one pass.
SELECT client_summaries_rebuild(array_agg(c.practice_id), array_agg(c.id)) FROM clients c;
