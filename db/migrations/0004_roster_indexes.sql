-- The roster reads each client's occurrences in a due-date window and only needs their status:
-- carrying status in the index lets that per-client lookup stay inside the index on a large practice.
CREATE INDEX IF NOT EXISTS assignment_occurrences_client_due_status_idx
  ON assignment_occurrences (practice_id, client_id, due_at) INCLUDE (status);
