-- Idempotency keys belong to one person in one practice: a transaction sees only its own actor's keys.
-- Grants come from 0001's default privileges.
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON idempotency_keys;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON idempotency_keys
  USING (practice_id = app_practice_id() AND user_id = app_user_id())
  WITH CHECK (practice_id = app_practice_id() AND user_id = app_user_id());
