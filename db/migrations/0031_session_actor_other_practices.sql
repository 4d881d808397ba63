-- session_actor of 0023 unchanged but for one more answer: whether the person has an active membership in
-- another practice. The Account page lists the practices to switch to, which only a transaction scoped to
-- the login alone may read (memberships_own, 0021); with this it opens that transaction only for a person who
-- has another practice, and reads everything else in the actor's one transaction. It says whether, not which:
-- the actor carries nothing of another practice. The search path keeps pg_temp last, as 0027 set it.
CREATE OR REPLACE FUNCTION session_actor(
  p_session_id uuid,
  p_default_idle_minutes int,
  p_max_idle_minutes int,
  p_absolute_minutes int
) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
  s sessions%ROWTYPE;
  u record;
  m record;
  idle_minutes int;
  reason text;
  v_client uuid;
  v_team jsonb;
  v_other boolean;
BEGIN
  PERFORM set_config('app.session_id', p_session_id::text, true);
  SELECT * INTO s FROM sessions WHERE id = p_session_id;
  IF NOT FOUND OR s.ended_at IS NOT NULL THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('app.user_id', s.user_id::text, true);
  -- Before the practice is in scope: only then are the person's memberships in other practices visible
  -- (memberships_own), to an owner that is subject to the forced policies as much as to the app.
  SELECT EXISTS (SELECT 1 FROM memberships o
                  WHERE o.user_id = s.user_id AND o.status = 'active' AND o.practice_id IS DISTINCT FROM s.current_practice_id)
    INTO v_other;
  PERFORM set_config('app.practice_id', coalesce(s.current_practice_id::text, ''), true);

  SELECT id, name, email, status INTO u FROM users WHERE id = s.user_id;
  -- Always run (no row gives nulls), so `m` is assigned even before a practice is chosen.
  SELECT ms.id, ms.role, ms.status, p.name AS practice_name, p.time_zone, p.safety_question_enabled,
           p.idle_timeout_minutes, p.is_demo
      INTO m
      FROM memberships ms JOIN practices p ON p.id = ms.practice_id
     WHERE ms.practice_id = s.current_practice_id AND ms.id = s.current_membership_id AND ms.user_id = s.user_id;

  idle_minutes := least(coalesce(nullif(m.idle_timeout_minutes, 0), p_default_idle_minutes), p_max_idle_minutes);
  reason := CASE
    WHEN u.id IS NULL OR u.status <> 'active' THEN 'deactivated'
    WHEN s.current_practice_id IS NOT NULL AND m.id IS NULL THEN 'membershipGone'
    WHEN s.current_practice_id IS NOT NULL AND m.status <> 'active' THEN 'deactivated'
    WHEN now() - s.created_at > make_interval(mins => p_absolute_minutes) THEN 'absolute'
    WHEN now() - s.last_seen_at > make_interval(mins => idle_minutes) THEN 'idle'
  END;
  IF reason IS NOT NULL THEN
    UPDATE sessions SET ended_at = now(), ended_reason = reason WHERE id = s.id AND ended_at IS NULL;
    -- Running out of time is recorded here, when it is noticed; a deactivation or a removed membership
    -- was recorded by the change that caused it.
    IF s.current_practice_id IS NOT NULL AND reason IN ('idle', 'absolute') THEN
      INSERT INTO audit_events (practice_id, actor_user_id, actor_role, action, entity_type, entity_id, meta)
      VALUES (s.current_practice_id, s.user_id, m.role::text, 'session.end', 'session', s.id::text,
              jsonb_build_object('reason', reason));
    END IF;
    RETURN NULL;
  END IF;

  -- The idle clock moves at most once a minute (a quarter of the idle limit when that is shorter than 4
  -- minutes): a person clicking through pages writes the row once a minute, not on every page, the only
  -- write a page view makes besides its read audit. The clock can only lag, by less than a quarter of the
  -- limit, so an active person is never signed out and an idle session ends at most that much early.
  UPDATE sessions SET last_seen_at = now()
   WHERE id = s.id AND last_seen_at < now() - least(interval '1 minute', make_interval(secs => idle_minutes * 15));

  IF m.id IS NULL THEN
    RETURN jsonb_build_object('sessionId', s.id, 'userId', u.id, 'name', u.name, 'email', u.email,
                              'createdAt', s.created_at, 'membershipId', NULL);
  END IF;
  IF m.role = 'client' THEN
    SELECT c.id INTO v_client FROM clients c WHERE c.practice_id = s.current_practice_id AND c.user_id = s.user_id LIMIT 1;
    IF v_client IS NULL THEN
      RETURN NULL;
    END IF;
    v_team := '[]'::jsonb;
  ELSE
    SELECT coalesce(jsonb_agg(ct.client_id), '[]'::jsonb) INTO v_team
      FROM care_team ct WHERE ct.practice_id = s.current_practice_id AND ct.membership_id = m.id;
  END IF;
  RETURN jsonb_build_object(
    'sessionId', s.id, 'userId', u.id, 'name', u.name, 'email', u.email, 'createdAt', s.created_at,
    'membershipId', m.id, 'practiceId', s.current_practice_id, 'role', m.role, 'clientId', v_client,
    'careTeamClientIds', v_team, 'otherPractices', v_other,
    'practice', jsonb_build_object('name', m.practice_name, 'timeZone', m.time_zone,
                                   'safetyQuestionEnabled', m.safety_question_enabled,
                                   'idleTimeoutMinutes', m.idle_timeout_minutes, 'isDemo', m.is_demo));
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION session_actor(uuid, int, int, int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION session_actor(uuid, int, int, int) TO mend_app;
