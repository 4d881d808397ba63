-- The application connects as `mend_app`: it owns nothing, is no superuser and cannot bypass
-- row-level security. Every tenant table is scoped to the practice set for the transaction with
-- set_config('app.practice_id', ..., true); with none set, every policy evaluates to false.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mend_app') THEN
    CREATE ROLE mend_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
  END IF;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_practice_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.practice_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_login_email() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(lower(current_setting('app.login_email', true)), '') $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO mend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO mend_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mend_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO mend_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM mend_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON users FROM mend_app;
--> statement-breakpoint
ALTER TABLE practices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE practices FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY practice_self ON practices USING (id = app_practice_id()) WITH CHECK (id = app_practice_id());
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A user row is visible to its owner, to the sign-in lookup for that exact email, and to the
-- practice in scope when the user is one of its members.
CREATE POLICY users_visible ON users FOR SELECT USING (
  id = app_user_id()
  OR lower(email) = app_login_email()
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.practice_id = app_practice_id())
);
--> statement-breakpoint
CREATE POLICY users_insert ON users FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY users_update ON users FOR UPDATE USING (
  id = app_user_id()
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.practice_id = app_practice_id())
);
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
-- Sign-in must find the caller's own memberships before any practice is chosen.
CREATE POLICY memberships_own ON memberships FOR SELECT USING (user_id = app_user_id());
--> statement-breakpoint
ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clients FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON clients USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE care_team ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE care_team FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON care_team USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_events USING (practice_id = app_practice_id()) WITH CHECK (practice_id = app_practice_id());
--> statement-breakpoint
-- An invitation link arrives before any practice is known; this returns only the practice id
-- for an exact token hash, nothing else, so acceptance can then scope itself.
CREATE OR REPLACE FUNCTION invitation_practice(p_token_hash text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT practice_id FROM invitations WHERE token_hash = p_token_hash $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION invitation_practice(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION invitation_practice(text) TO mend_app;
