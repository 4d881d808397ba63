-- A client's login and membership say who the client is: inside a practice, a client's transaction sees
-- only their own and the staff's (admins and therapists, whose names the portal shows), and a therapist's
-- only those of staff and of the clients whose records it may see (clients' care_team_scope, 0005).
-- Admins, named system work and the steps before a role is known (sign-in, resolving the actor) keep the
-- policies of 0001. Restrictive and for the application role only, as in 0005.
DROP POLICY IF EXISTS people_scope ON memberships;
--> statement-breakpoint
CREATE POLICY people_scope ON memberships AS RESTRICTIVE FOR ALL TO mend_app
  USING (
    app_role() IS NULL OR app_role() IN ('admin', 'system')
    OR user_id = app_user_id()
    OR role <> 'client'
    OR EXISTS (SELECT 1 FROM clients c WHERE c.practice_id = memberships.practice_id AND c.user_id = memberships.user_id)
  )
  WITH CHECK (app_role() IS NULL OR app_role() IN ('admin', 'system'));
--> statement-breakpoint
DROP POLICY IF EXISTS people_scope ON users;
--> statement-breakpoint
CREATE POLICY people_scope ON users AS RESTRICTIVE FOR SELECT TO mend_app
  USING (
    app_role() IS NULL OR app_role() IN ('admin', 'system')
    OR id = app_user_id()
    OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.practice_id = app_practice_id() AND m.role <> 'client')
    OR EXISTS (SELECT 1 FROM clients c WHERE c.user_id = users.id AND c.practice_id = app_practice_id())
  );
--> statement-breakpoint
DROP POLICY IF EXISTS people_update ON users;
--> statement-breakpoint
CREATE POLICY people_update ON users AS RESTRICTIVE FOR UPDATE TO mend_app
  USING (app_role() IS NULL OR app_role() IN ('admin', 'system') OR id = app_user_id());
