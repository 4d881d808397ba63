-- The roster at practice scale (lib/caseload/roster-sql.ts).
-- A client's marked baseline as a top-1 probe, instead of sorting all their administrations by (is_baseline, date).
CREATE INDEX IF NOT EXISTS measure_administrations_baseline_idx
  ON measure_administrations (practice_id, client_id, measure, completed_at)
  WHERE is_baseline AND status = 'complete' AND score IS NOT NULL;
--> statement-breakpoint
-- A whole practice's homework window in one range scan (an admin's roster of every client).
CREATE INDEX IF NOT EXISTS assignment_occurrences_practice_due_idx
  ON assignment_occurrences (practice_id, due_at) INCLUDE (client_id, status);
--> statement-breakpoint
-- A whole practice's check-ins of the last days in one range scan (who checked in within the window).
CREATE INDEX IF NOT EXISTS checkins_practice_day_idx
  ON checkins (practice_id, local_day) INCLUDE (client_id);
