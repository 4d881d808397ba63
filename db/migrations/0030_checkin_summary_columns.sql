-- A write to checkins recomputes only the summary's check-in columns (last check-in day, time and mood), not the
-- whole row: a check-in cannot move a measure score, a baseline, an alert count or a homework due time, and the
-- whole row (0028's client_summaries_rebuild) costs some ten index probes and an aggregate of the client's open
-- homework on every submit, where the check-in columns are one probe. The other tables keep the whole refresh.
--
-- Concurrency as 0026: the touched clients' summary rows are locked in key order first, and the recompute is a
-- statement of its own, whose snapshot is taken after the lock is granted, so of two check-ins for one client at
-- once the second waits for the first to commit and then sees it. The columns are read from checkins exactly as
-- the rebuild reads them (the latest local day), so a full rebuild at any time computes the same row.
-- Runs as the owner for the reasons of 0026, with 0027's fixed search path, and not executable by PUBLIC.
CREATE OR REPLACE FUNCTION client_summaries_refresh_checkins(p_practices uuid[], p_clients uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
  locked int;
BEGIN
  IF p_clients IS NULL OR cardinality(p_clients) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM client_summaries s JOIN unnest(p_practices, p_clients) AS k(practice_id, client_id)
      ON s.practice_id = k.practice_id AND s.client_id = k.client_id
    ORDER BY s.practice_id, s.client_id FOR UPDATE OF s;
  GET DIAGNOSTICS locked = ROW_COUNT;
  IF locked < cardinality(p_clients) THEN
    -- A client without a summary row (every client gets one when created, so not expected): the whole refresh
    -- creates the row and fills every column.
    PERFORM client_summaries_refresh(p_practices, p_clients);
    RETURN;
  END IF;
  UPDATE client_summaries s SET last_checkin_day = ci.local_day, last_checkin_at = ci.updated_at, last_mood = ci.mood
    FROM unnest(p_practices, p_clients) AS k(practice_id, client_id)
    LEFT JOIN LATERAL (
      SELECT x.local_day, x.updated_at, x.mood FROM checkins x
       WHERE x.practice_id = k.practice_id AND x.client_id = k.client_id ORDER BY x.local_day DESC LIMIT 1
    ) ci ON true
   WHERE s.practice_id = k.practice_id AND s.client_id = k.client_id;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION client_summaries_refresh_checkins(uuid[], uuid[]) FROM PUBLIC;
--> statement-breakpoint
-- 0026's trigger function, sending a write to checkins to the narrower refresh. CREATE OR REPLACE keeps 0027's
-- revoke from PUBLIC; the search path is restated as 0027 set it.
CREATE OR REPLACE FUNCTION client_summaries_after_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
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
  IF TG_TABLE_NAME = 'checkins' THEN
    PERFORM client_summaries_refresh_checkins(practices, ids);
  ELSE
    PERFORM client_summaries_refresh(practices, ids);
  END IF;
  RETURN NULL;
END
$$;
