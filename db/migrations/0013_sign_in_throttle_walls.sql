-- Failed sign-ins, counted on three keys (keyed hashes, lib/auth/throttle.ts): the account at one
-- address (tight), the address across accounts, and the account from anywhere (loose, a growing
-- delay). The application role cannot read or write the table; it calls the three functions below,
-- which only ever add failures or mark a pair as known. Nothing it can call resets a count: counts run
-- out with their window. The numbers here are mirrored by THROTTLE in lib/auth/throttle.ts.
ALTER TABLE sign_in_throttle ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sign_in_throttle FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON sign_in_throttle FROM mend_app;
--> statement-breakpoint
REVOKE ALL ON sign_in_throttle FROM PUBLIC;
--> statement-breakpoint
-- Refused before the password is checked: the pair is locked; or the address is locked, or the account
-- is inside its delay, unless this pair has signed in successfully before (the owner at their usual
-- place is never kept out by someone elsewhere).
CREATE OR REPLACE FUNCTION sign_in_throttled(p_pair text, p_account text, p_address text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT EXISTS (SELECT 1 FROM sign_in_throttle WHERE key = p_pair AND locked_until > now())
      OR (
        NOT EXISTS (SELECT 1 FROM sign_in_throttle WHERE key = p_pair AND known_until > now())
        AND (
          EXISTS (SELECT 1 FROM sign_in_throttle WHERE key = p_address AND locked_until > now())
          OR EXISTS (SELECT 1 FROM sign_in_throttle WHERE key = p_account AND locked_until > now())
        )
      )
$$;
--> statement-breakpoint
-- One more failure on each key. Pair: 5 in 15 minutes lock it for 15. Address: 20 in 15 minutes lock
-- it for 15. Account: after 10 in 24 hours, each further failure holds the account for 2^(n-10)
-- seconds, at most 5 minutes.
CREATE OR REPLACE FUNCTION sign_in_failed(p_pair text, p_account text, p_address text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
DECLARE
  k record;
  n int;
BEGIN
  FOR k IN
    SELECT * FROM (VALUES
      (p_pair, interval '15 minutes', 5, 'lock'),
      (p_address, interval '15 minutes', 20, 'lock'),
      (p_account, interval '24 hours', 10, 'delay')
    ) AS t(key, win, lim, kind)
    WHERE t.key IS NOT NULL AND t.key <> ''
  LOOP
    INSERT INTO sign_in_throttle AS s (key, failures, window_started_at, locked_until)
    VALUES (k.key, 1, now(), NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN s.window_started_at <= now() - k.win THEN 1 ELSE s.failures + 1 END,
      window_started_at = CASE WHEN s.window_started_at <= now() - k.win THEN now() ELSE s.window_started_at END
    RETURNING failures INTO n;
    IF k.kind = 'lock' AND n >= k.lim THEN
      UPDATE sign_in_throttle SET locked_until = now() + interval '15 minutes' WHERE key = k.key;
    ELSIF k.kind = 'delay' AND n >= k.lim THEN
      UPDATE sign_in_throttle
         SET locked_until = now() + make_interval(secs => least(power(2, n - k.lim), 300))
       WHERE key = k.key;
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- A successful sign-in marks its (account, address) pair as known for 30 days. It resets nothing.
CREATE OR REPLACE FUNCTION sign_in_succeeded(p_pair text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
  INSERT INTO sign_in_throttle AS s (key, failures, window_started_at, known_until)
  VALUES (p_pair, 0, now(), now() + interval '30 days')
  ON CONFLICT (key) DO UPDATE SET known_until = now() + interval '30 days'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sign_in_throttled(text, text, text), sign_in_failed(text, text, text), sign_in_succeeded(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sign_in_throttled(text, text, text), sign_in_failed(text, text, text), sign_in_succeeded(text) TO mend_app;
