-- The jobs table, SQLite: INTEGER PRIMARY KEY is the rowid and so auto-increments.

-- The outbox: one row per background job (see src/jobs/queue.hpp).
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  tenant TEXT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('ready', 'running', 'done', 'dead')),
  attempts INT NOT NULL DEFAULT 0,
  max_attempts INT NOT NULL,
  run_at BIGINT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  done_at BIGINT
);

-- Serves the lease query: ready jobs by run_at, and running jobs by lease expiry.
CREATE INDEX jobs_due ON jobs (state, run_at, id);
CREATE INDEX jobs_lease ON jobs (state, lease_until);

