-- Housekeeping: what is kept only for a while is removed when its time is up. The application role may
-- not delete from these tables itself (RLS shows it only its own actor's keys; it has no privilege on the
-- throttle); these SECURITY DEFINER functions take no row from the caller and remove only what has expired.

-- A practice's idempotency keys older than seven days. A form's retry comes within minutes; a week covers
-- a laptop left closed over a weekend.
CREATE OR REPLACE FUNCTION prune_idempotency_keys(p_practice uuid) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
  WITH gone AS (
    DELETE FROM idempotency_keys
    WHERE practice_id = p_practice AND created_at < now() - interval '7 days'
    RETURNING 1
  )
  SELECT count(*)::integer FROM gone
$$;
--> statement-breakpoint
-- Login-level state that can no longer matter: sessions begun more than 30 days ago (every session ends
-- within its 12-hour absolute limit), and throttle counters whose window, lock and "known place" have all
-- run out (a day after the longest window).
CREATE OR REPLACE FUNCTION prune_sign_in_state() RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
  WITH old_sessions AS (
    DELETE FROM sessions WHERE created_at < now() - interval '30 days' RETURNING 1
  ), old_counters AS (
    DELETE FROM sign_in_throttle
    WHERE window_started_at < now() - interval '48 hours'
      AND (locked_until IS NULL OR locked_until < now())
      AND (known_until IS NULL OR known_until < now())
    RETURNING 1
  )
  SELECT ((SELECT count(*) FROM old_sessions) + (SELECT count(*) FROM old_counters))::integer
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION prune_idempotency_keys(uuid), prune_sign_in_state() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION prune_idempotency_keys(uuid), prune_sign_in_state() TO mend_app;
