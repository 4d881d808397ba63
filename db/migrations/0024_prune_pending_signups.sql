-- Sign-ups that were never confirmed are removed a week after their link expired (the page says
-- "expired" for that week, then "not valid"); confirmed ones a week after their link would have expired.
-- Like 0017's functions, it takes no row from the caller and removes only what has run out.
CREATE OR REPLACE FUNCTION prune_pending_signups() RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
  WITH gone AS (
    DELETE FROM pending_signups WHERE expires_at < now() - interval '7 days' RETURNING 1
  )
  SELECT count(*)::integer FROM gone
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION prune_pending_signups() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION prune_pending_signups() TO mend_app;
