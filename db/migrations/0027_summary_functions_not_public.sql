-- Functions that run as the owner (SECURITY DEFINER) look up their tables in a fixed schema and nowhere else.
-- A search_path of `public` alone still searches the caller's temporary schema first for tables, and every
-- role may create temporary tables: the app role could shadow `checkins` or `clients` with a temporary table of
-- its own and have the owner read it (and write a forged client summary into any practice). pg_temp named last
-- is searched last, so a function always reads and writes the real tables.
DO $$
DECLARE
  f record;
  path text;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure AS sig, p.proconfig FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef
  LOOP
    SELECT substr(c, length('search_path=') + 1) INTO path FROM unnest(f.proconfig) AS c WHERE c LIKE 'search_path=%';
    IF path IS NULL OR path !~ '(^|,\s*)public(\s*,|$)' AND path !~ '(^|,\s*)pg_catalog(\s*,|$)' THEN
      RAISE EXCEPTION 'SECURITY DEFINER function % has no fixed search_path', f.sig;
    END IF;
    IF path !~ 'pg_temp' THEN
      EXECUTE format('ALTER FUNCTION %s SET search_path = %s, pg_temp', f.sig, path);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- The summary functions (0026) are for the triggers only. Functions are executable by PUBLIC unless revoked,
-- so the app role could call them directly for any practice's clients; triggers fire without that privilege.
REVOKE ALL ON FUNCTION client_summaries_rebuild(uuid[], uuid[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION client_summaries_refresh(uuid[], uuid[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION client_summaries_after_write() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION client_summaries_after_client_insert() FROM PUBLIC;
